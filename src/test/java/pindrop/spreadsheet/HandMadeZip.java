package pindrop.spreadsheet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip written byte by byte, for hostile workbooks that ZipOutputStream will not write: a part that
 * expands to gigabytes from a few megabytes written in milliseconds, and a directory that lies about sizes.
 */
final class HandMadeZip implements Closeable {

    /** Deflated bytes as {@code head}, then {@code body} {@code times} over, then {@code tail}; and what they expand to. */
    record Deflated(byte[] head, byte[] body, long times, byte[] tail, long size, int crc) {

        long compressedSize() {
            return head.length + body.length * times + tail.length;
        }

        static Deflated of(byte[] content) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            CRC32 crc = new CRC32();
            crc.update(content);
            Deflated deflated = new Deflated(finish(deflater, content), new byte[0], 0, new byte[0], content.length,
                    (int) crc.getValue());
            deflater.end();
            return deflated;
        }

        /**
         * {@code prefix}, {@code times} copies of {@code chunk}, {@code suffix}, deflating only two chunks: after
         * a sync flush the second chunk's blocks start on a byte and refer back at most 32 KiB, into text that is
         * the end of a chunk whichever copy came before, so they decode right when repeated.
         */
        static Deflated repeating(String prefix, String chunk, long times, String suffix) {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] repeated = chunk.getBytes(StandardCharsets.UTF_8);
            byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
            if (repeated.length < 32_768 || times < 1) {
                throw new IllegalArgumentException("the chunk must outlast the 32 KiB deflate window, at least once");
            }
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            byte[] head = flush(deflater, concat(start, repeated));
            byte[] body = flush(deflater, repeated);
            byte[] tail = finish(deflater, end);
            deflater.end();
            CRC32 crc = new CRC32();
            crc.update(start);
            for (long i = 0; i < times; i++) {
                crc.update(repeated);
            }
            crc.update(end);
            return new Deflated(head, body, times - 1, tail, start.length + repeated.length * times + end.length,
                    (int) crc.getValue());
        }

        private static byte[] flush(Deflater deflater, byte[] input) {
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65_536];
            int count;
            do { // a full buffer may mean more output is waiting
                count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, count);
            } while (count == buffer.length);
            return out.toByteArray();
        }

        private static byte[] finish(Deflater deflater, byte[] input) {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65_536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }
    }

    private static final int DEFLATED = 8;
    private static final int DOS_DATE_1980_01_01 = 0x21;

    private final OutputStream out;
    private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
    private final Set<String> names = new HashSet<>();
    private long offset;
    private int entries;

    HandMadeZip(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file));
    }

    /** Whether an entry of that name was added, so a copied workbook can leave out the parts a test replaced. */
    boolean has(String name) {
        return names.contains(name);
    }

    void add(String name, Deflated data) throws IOException {
        add(name, data, data.size());
    }

    /** Adds an entry whose local header and directory both claim it expands to {@code declaredSize}. */
    void add(String name, Deflated data, long declaredSize) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long headerOffset = offset;
        write(out, 0x04034b50, 4);
        write(out, 20, 2); // version needed: deflate
        write(out, 0, 2); // flags
        writeMethodAndSizes(out, data, declaredSize);
        write(out, nameBytes.length, 2);
        write(out, 0, 2); // extra field length
        out.write(nameBytes);
        out.write(data.head());
        for (long i = 0; i < data.times(); i++) {
            out.write(data.body());
        }
        out.write(data.tail());
        offset += 30 + nameBytes.length + data.compressedSize();

        write(directory, 0x02014b50, 4);
        write(directory, 20, 2); // version made by
        write(directory, 20, 2); // version needed
        write(directory, 0, 2); // flags
        writeMethodAndSizes(directory, data, declaredSize);
        write(directory, nameBytes.length, 2);
        write(directory, 0, 2); // extra field length
        write(directory, 0, 2); // comment length
        write(directory, 0, 2); // disk
        write(directory, 0, 2); // internal attributes
        write(directory, 0, 4); // external attributes
        write(directory, headerOffset, 4);
        directory.write(nameBytes);
        names.add(name);
        entries++;
    }

    private static void writeMethodAndSizes(OutputStream to, Deflated data, long declaredSize) throws IOException {
        write(to, DEFLATED, 2);
        write(to, 0, 2); // time
        write(to, DOS_DATE_1980_01_01, 2);
        write(to, data.crc(), 4);
        write(to, data.compressedSize(), 4);
        write(to, declaredSize, 4);
    }

    @Override
    public void close() throws IOException {
        try (out) {
            directory.writeTo(out);
            write(out, 0x06054b50, 4);
            write(out, 0, 2); // this disk
            write(out, 0, 2); // disk of the directory
            write(out, entries, 2);
            write(out, entries, 2);
            write(out, directory.size(), 4);
            write(out, offset, 4);
            write(out, 0, 2); // comment length
        }
    }

    /** Little-endian, as zip wants; sizes over 4 GiB would need ZIP64, which no test needs. */
    private static void write(OutputStream to, long value, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            to.write((int) (value >>> (8 * i)));
        }
    }
}
