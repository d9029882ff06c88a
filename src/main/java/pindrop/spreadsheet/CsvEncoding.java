package pindrop.spreadsheet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character encoding of a CSV file, decided from its bytes: Excel writes UTF-8 with a BOM
 * ("CSV UTF-8"), UTF-16 with a BOM ("Unicode text") or, on Windows, windows-1252 without any marker.
 */
record CsvEncoding(Charset charset, int bomLength) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD_BYTES = 8192;

    /**
     * Without a BOM the whole file is checked as UTF-8 (streamed, in constant memory): a single "ü" written
     * as windows-1252 deep into the file would otherwise become "�" silently, in a user id.
     */
    static CsvEncoding detect(Path file, String fileName) throws IOException, RejectedFileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                return new CsvEncoding(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(head, 0xFF, 0xFE)) {
                return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
            }
            if (startsWith(head, 0xFE, 0xFF)) {
                return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
            }
            if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
                throw new RejectedFileException(fileName
                        + " is an Excel workbook, not CSV text: name it .xlsx, or save it from Excel as CSV");
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new RejectedFileException(fileName + " is not a CSV text file (it contains binary data)");
                }
            }
            boolean utf8 = isUtf8(new SequenceInputStream(new ByteArrayInputStream(head), in));
            return new CsvEncoding(utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(InputStream bytes) throws IOException {
        Reader strict = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()); // reports bad bytes
        char[] sink = new char[HEAD_BYTES];
        try {
            while (strict.read(sink) >= 0) {
                // only checking
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The file's text after the BOM. UTF-8 and UTF-16 stop at bytes that do not fit; windows-1252 leaves
     * five byte values undefined, which become U+FFFD rather than stopping a file Excel itself opens.
     */
    BufferedReader newReader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CodingErrorAction onBadBytes = charset.equals(WINDOWS_1252) ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onBadBytes).onUnmappableCharacter(onBadBytes);
        return new BufferedReader(new InputStreamReader(in, decoder), 65_536);
    }
}
