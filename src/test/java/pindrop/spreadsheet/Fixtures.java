package pindrop.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Test files generated on the fly, with exact bytes, so no binary fixture is committed. */
final class Fixtures {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private Fixtures() {
    }

    static Path file(Path dir, String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    static Path csv(Path dir, String name, String text) throws IOException {
        return file(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An XLSX written by fastexcel; {@code sheet} fills the first worksheet (0-based rows and columns). */
    static Path xlsx(Path dir, String name, Consumer<Worksheet> sheet) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "pindrop-test", "1.0")) {
            sheet.accept(workbook.newWorksheet("Sheet1"));
        }
        return file;
    }

    /** Rewrites the first worksheet's XML, for what the writer cannot produce (cached formula values, damage). */
    static void editSheetXml(Path xlsx, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // ZipFile, not ZipInputStream: the latter refuses the entry sizes fastexcel leaves in local headers
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        String sheet = "xl/worksheets/sheet1.xml";
        entries.put(sheet, edit.apply(new String(entries.get(sheet), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(xlsx))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        }
    }

    /** Adds parts to a hand-made workbook; what it adds replaces the part of that name. */
    interface Parts {
        void addTo(HandMadeZip zip) throws IOException;
    }

    /**
     * A workbook (header webExId, one user) copied part by part into a {@link HandMadeZip}, after the parts
     * {@code parts} adds, so a test can swap in a hostile one.
     */
    static Path handMadeXlsx(Path dir, String name, Parts parts) throws IOException {
        Path original = xlsx(dir, "original-" + name, sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(1, 0, "anna");
        });
        Path file = dir.resolve(name);
        try (ZipFile zip = new ZipFile(original.toFile()); HandMadeZip copy = new HandMadeZip(file)) {
            parts.addTo(copy);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!copy.has(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        copy.add(entry.getName(), HandMadeZip.Deflated.of(in.readAllBytes()));
                    }
                }
            }
        }
        Files.delete(original);
        return file;
    }

    static List<SpreadsheetRow> readAll(Path file) throws RejectedFileException {
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            List<SpreadsheetRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path file) throws RejectedFileException, IOException {
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            return reader.header();
        }
    }

    static List<Integer> numbers(List<SpreadsheetRow> rows) {
        return rows.stream().map(SpreadsheetRow::number).toList();
    }
}
