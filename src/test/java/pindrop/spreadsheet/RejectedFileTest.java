package pindrop.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static pindrop.spreadsheet.Fixtures.csv;
import static pindrop.spreadsheet.Fixtures.file;
import static pindrop.spreadsheet.Fixtures.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be read at all: each is refused with a reason the person who dropped it can act on. */
class RejectedFileTest {

    @TempDir
    Path dir;

    private static String reason(Path file) {
        return assertThrows(RejectedFileException.class, () -> SpreadsheetReader.open(file).close()).getMessage();
    }

    @Test
    void emptyCsv() throws Exception {
        assertEquals("pins.csv is empty: it has no header row", reason(csv(dir, "pins.csv", "")));
    }

    @Test
    void csvWithOnlyABom() throws Exception {
        assertEquals("pins.csv is empty: it has no header row", reason(file(dir, "pins.csv", Fixtures.UTF8_BOM)));
    }

    @Test
    void emptyXlsx() throws Exception {
        assertEquals("pins.xlsx is empty: it has no header row", reason(file(dir, "pins.xlsx")));
    }

    @Test
    void blankHeaderRow() throws Exception {
        assertEquals("pins.csv has no column names in row 1: the header row (webExId, hostPIN, ...) must come first",
                reason(csv(dir, "pins.csv", " , \nanna,1234\n")));
    }

    @Test
    void xlsxWhoseFirstRowIsEmpty() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(2, 0, "webExId");
            sheet.value(3, 0, "anna");
        });

        assertEquals("pins.xlsx has no column names in row 1: the header row (webExId, hostPIN, ...) must come first",
                reason(file));
    }

    @Test
    void xlsxWithNoRowsAtAll() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> { });

        assertEquals("pins.xlsx is empty: it has no header row", reason(file));
    }

    @Test
    void duplicateHeaderNamesAfterIgnoringCaseAndSpaces() throws Exception {
        assertEquals("pins.csv has two columns named \"Host PIN\" and \"hostpin\""
                        + " (column names must differ by more than case and spaces)",
                reason(csv(dir, "pins.csv", "webExId,Host PIN,hostpin\nanna,1,2\n")));
    }

    @Test
    void duplicateHeaderNamesInXlsx() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "pin");
            sheet.value(0, 1, "pin");
        });

        assertEquals("pins.xlsx has two columns named \"pin\" (column names must differ by more than case and spaces)",
                reason(file));
    }

    @Test
    void unknownExtension() throws Exception {
        assertEquals("pins.xls is not a spreadsheet pindrop can read: save it as .xlsx or .csv",
                reason(csv(dir, "pins.xls", "webExId\nanna\n")));
    }

    @Test
    void textFileNamedXlsx() throws Exception {
        assertEquals("pins.xlsx is not a valid XLSX file (not a zip file)",
                reason(csv(dir, "pins.xlsx", "webExId,hostPIN\nanna,1234\n")));
    }

    @Test
    void randomBytesNamedXlsx() throws Exception {
        assertEquals("pins.xlsx is not a valid XLSX file (not a zip file)",
                reason(file(dir, "pins.xlsx", randomBytes())));
    }

    @Test
    void truncatedXlsx() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> sheet.value(0, 0, "webExId"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertEquals("pins.xlsx is not a valid XLSX file (corrupt zip)", reason(file));
    }

    @Test
    void zipThatIsNoWorkbook() throws Exception {
        Path file = dir.resolve("pins.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
        }

        assertEquals("pins.xlsx is not a valid XLSX file (damaged, or not an Excel workbook)", reason(file));
    }

    @Test
    void oldXlsOrEncryptedWorkbookNamedXlsx() throws Exception {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertEquals("pins.xlsx is password-protected or an old .xls workbook: save it from Excel as a plain .xlsx or .csv",
                reason(file(dir, "pins.xlsx", ole2)));
    }

    @Test
    void randomBytesNamedCsv() throws Exception {
        assertEquals("pins.csv is not a CSV text file (it contains binary data)",
                reason(file(dir, "pins.csv", randomBytes())));
    }

    @Test
    void workbookNamedCsv() throws Exception {
        Path workbook = xlsx(dir, "pins.xlsx", sheet -> sheet.value(0, 0, "webExId"));

        assertEquals("pins.csv is an Excel workbook, not CSV text: name it .xlsx, or save it from Excel as CSV",
                reason(Files.move(workbook, dir.resolve("pins.csv"))));
    }

    @Test
    void headerFieldOverTheLimit() throws Exception {
        assertEquals("row 1 of pins.csv has a field over 100000 characters",
                reason(csv(dir, "pins.csv", "x".repeat(RowLimits.MAX_FIELD_CHARS + 1) + "\n")));
    }

    @Test
    void missingFile() {
        assertEquals("gone.csv could not be read: " + dir.resolve("gone.csv"), reason(dir.resolve("gone.csv")));
    }

    private static byte[] randomBytes() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x13; // not a zip by chance
        return bytes;
    }
}
