package pindrop.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pindrop.spreadsheet.Fixtures.csv;
import static pindrop.spreadsheet.Fixtures.handMadeXlsx;
import static pindrop.spreadsheet.Fixtures.readAll;
import static pindrop.spreadsheet.Fixtures.xlsx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pindrop.spreadsheet.HandMadeZip.Deflated;

/**
 * Files made to exhaust memory or time: each is refused within seconds with a reason, as an exception that
 * pindrop reports before going on with the next file, not an OutOfMemoryError. A large legitimate workbook
 * still reads.
 * <p>
 * A test on the default heap cannot show how much memory reading took; that it is bounded follows from where
 * reading stops. CSV: {@link CsvLimitGuard} raises the limit on the character past it, before the parser has
 * buffered more than one field of 100,000 characters or a row of 1,000,000, and everything else reads through
 * fixed buffers (the encoding check 8 KiB at a time, the separator sniffing at most 64 K characters). XLSX:
 * {@link ZipBombCheck} refuses the file before fastexcel-reader inflates anything, and itself inflates through
 * one 64 KiB buffer and the JDK's streaming XML reader, never more of a part than its checked size.
 */
class HostileFileTest {

    // a bound, not a speed target (that is the benchmark's): a hostile file must not hang pindrop or fill its
    // memory; generous, so a busy machine does not fail it
    private static final Duration QUICKLY = Duration.ofSeconds(60);
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String SST_OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    private static final String SST_CLOSE = "</sst>";
    private static final String A_MEBIBYTE_OF_A = "a".repeat(1 << 20);
    /** A shared-strings table of one 2 GiB text, deflated to about 2 MB. */
    private static final Deflated TWO_GIB_STRING = Deflated.repeating(SST_OPEN + "<si><t>", A_MEBIBYTE_OF_A, 2048, "</t></si>" + SST_CLOSE);

    @TempDir
    Path dir;

    private static String reasonQuickly(Path file) {
        return assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(RejectedFileException.class, () -> SpreadsheetReader.open(file).close())).getMessage();
    }

    private static SpreadsheetException failureQuickly(Path file) {
        return assertTimeoutPreemptively(QUICKLY, () -> {
            try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
                return assertThrows(SpreadsheetException.class, () -> reader.forEachRemaining(row -> { }));
            }
        });
    }

    @Test
    void workbookWrittenByHandReads() throws Exception {
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> { });

        assertEquals(List.of(Map.of("webExId", "anna")), readAll(file).stream().map(SpreadsheetRow::columns).toList());
    }

    @Test
    void zipBombIsRefusedByItsDirectory() throws Exception {
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> zip.add(SHARED_STRINGS, TWO_GIB_STRING));

        assertTrue(Files.size(file) < 5_000_000, Files.size(file) + " bytes");
        assertEquals("pins.xlsx expands to more than 1 GiB: not read (a zip bomb?)", reasonQuickly(file));
    }

    @Test
    void zipBombWhoseDirectoryUnderstatesItsSizeIsStoppedWhileInflating() throws Exception {
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> zip.add(SHARED_STRINGS, TWO_GIB_STRING, 4096));

        assertEquals("pins.xlsx is not a valid XLSX file (xl/sharedStrings.xml expands to more than its zip directory"
                + " says: a zip bomb?)", reasonQuickly(file));
    }

    @Test
    void partCompressedAbsurdlyWellIsRefused() throws Exception {
        String start = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        Deflated fiftyMibOfSpaces = Deflated.repeating(start, " ".repeat(1 << 20), 50, "</sheetData></worksheet>");
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> zip.add(SHEET, fiftyMibOfSpaces));

        assertEquals("pins.xlsx is compressed more than 200 to 1 (xl/worksheets/sheet1.xml): not read (a zip bomb?)",
                reasonQuickly(file));
    }

    @Test
    void sharedStringsOverThePartLimitAreRefused() throws Exception {
        StringBuilder texts = new StringBuilder();
        for (int i = 0; texts.length() < 1 << 20; i++) {
            texts.append("<si><t>user").append(i).append("@acme.example</t></si>");
        }
        long times = ZipBombCheck.MAX_PART_BYTES / texts.length() + 1;
        Deflated table = Deflated.repeating(SST_OPEN, texts.toString(), times, SST_CLOSE);
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> zip.add(SHARED_STRINGS, table));

        assertEquals("pins.xlsx has a part that expands to more than 100 MiB (xl/sharedStrings.xml): not read"
                + " (split the rows over smaller files)", reasonQuickly(file));
    }

    @Test
    void tooManyPartsAreRefused() throws Exception {
        Deflated pixel = Deflated.of(new byte[] {0});
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> {
            for (int i = 0; i < ZipBombCheck.MAX_PARTS; i++) {
                zip.add("xl/media/image" + i + ".png", pixel);
            }
        });

        assertEquals("pins.xlsx has more than 10000 parts: not read (a zip bomb?)", reasonQuickly(file));
    }

    @Test
    void partNamedTwiceIsRefused() throws Exception {
        Deflated table = Deflated.of((SST_OPEN + "<si><t>webExId</t></si>" + SST_CLOSE).getBytes(StandardCharsets.UTF_8));
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> {
            zip.add(SHARED_STRINGS, table);
            zip.add(SHARED_STRINGS, table);
        });

        assertEquals("pins.xlsx is not a valid XLSX file (it holds xl/sharedStrings.xml twice)", reasonQuickly(file));
    }

    /** fastexcel would give row 2 a slot for each of 321 million columns, and run out of memory. */
    @Test
    void cellFarToTheRightIsRefused() throws Exception {
        Path file = handMadeXlsx(dir, "pins.xlsx",
                zip -> zip.add(SHEET, sheet("<c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c>")));

        assertTrue(Files.size(file) < 5_000, Files.size(file) + " bytes");
        assertEquals("pins.xlsx has a cell in column ZZZZZZ, beyond the 1000 columns pindrop reads: not read",
                reasonQuickly(file));
    }

    /** The JDK's parser stops at a name over 1,000 characters by default; fastexcel's goes on to the cell. */
    @Test
    void cellFarToTheRightBehindALongNameIsRefused() throws Exception {
        String longName = "x".repeat(2_000);
        Path file = handMadeXlsx(dir, "pins.xlsx", zip -> zip.add(SHEET,
                sheet("<" + longName + "/><c r=\"$zzzzzz$2\" t=\"inlineStr\"><is><t>x</t></is></c>")));

        assertEquals("pins.xlsx has a cell in column zzzzzz, beyond the 1000 columns pindrop reads: not read",
                reasonQuickly(file));
    }

    /** A sheet whose row 1 is the header webExId and whose row 2 holds {@code row2Cells}. */
    private static Deflated sheet(String row2Cells) {
        return Deflated.of(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>webExId</t></is></c></row>"
                + "<row r=\"2\">" + row2Cells + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void legitimateFiftyThousandRowWorkbookReads() throws Exception {
        int users = 50_000;
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(0, 1, "hostPIN");
            for (int row = 1; row <= users; row++) {
                sheet.value(row, 0, "user" + row + "@acme.example");
                sheet.value(row, 1, row % 10_000);
                sheet.style(row, 1).format("0000").set();
            }
        });

        List<SpreadsheetRow> rows = assertTimeoutPreemptively(QUICKLY, () -> readAll(file));
        assertEquals(users, rows.size());
        assertEquals(Map.of("webExId", "user50000@acme.example", "hostPIN", "0000"), rows.get(users - 1).columns());
    }

    @Test
    void xlsxRowOverTheRowLimitFails() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            for (int column = 0; column <= RowLimits.MAX_ROW_CHARS / RowLimits.MAX_FIELD_CHARS; column++) {
                sheet.value(1, column, "x".repeat(RowLimits.MAX_FIELD_CHARS));
            }
        });

        SpreadsheetException e = failureQuickly(file);
        assertEquals("row 2 of pins.xlsx has over 1000000 characters in all", e.getMessage());
        assertEquals(2, e.rowNumber());
    }

    @Test
    void csvWithATenMegabyteField() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,note\nanna," + "x".repeat(10_000_000) + "\n");

        SpreadsheetException e = failureQuickly(file);
        assertEquals("row 2 of pins.csv has a field over 100000 characters", e.getMessage());
        assertEquals(2, e.rowNumber());
    }

    @Test
    void csvLineOfMillionsOfSeparators() throws Exception {
        Path file = csv(dir, "pins.csv", ",".repeat(5_000_000));

        assertEquals("row 1 of pins.csv has more than 1000 columns", reasonQuickly(file));
    }

    /** Fields and columns within their limits, 50 MB with no line end: only the row limit stops it. */
    @Test
    void csvHeaderLineOfFiftyMegabytes() throws Exception {
        Path file = csv(dir, "pins.csv", ("x".repeat(RowLimits.MAX_FIELD_CHARS) + ",").repeat(500));

        assertEquals("row 1 of pins.csv has over 1000000 characters in all", reasonQuickly(file));
    }
}
