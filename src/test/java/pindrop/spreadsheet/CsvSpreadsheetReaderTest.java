package pindrop.spreadsheet;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pindrop.spreadsheet.Fixtures.csv;
import static pindrop.spreadsheet.Fixtures.file;
import static pindrop.spreadsheet.Fixtures.header;
import static pindrop.spreadsheet.Fixtures.numbers;
import static pindrop.spreadsheet.Fixtures.readAll;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSpreadsheetReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void utf8WithBomAndSemicolonsAsExcelWritesInGermanLocales() throws Exception {
        Path file = file(dir, "pins.csv", Fixtures.UTF8_BOM, "webExId;hostPIN\nanna@acme.com;1234\n".getBytes(UTF_8));

        assertEquals(List.of("webExId", "hostPIN"), header(file));
        List<SpreadsheetRow> rows = readAll(file);
        assertEquals(Map.of("webExId", "anna@acme.com", "hostPIN", "1234"), rows.get(0).columns());
        assertEquals(2, rows.get(0).number());
    }

    @Test
    void crlfLineEndingsLeaveNoCarriageReturnInValues() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,hostPIN\r\nanna,1234\r\nbert,5678\r\n");

        List<SpreadsheetRow> rows = readAll(file);
        assertEquals(List.of(2, 3), numbers(rows));
        assertEquals("1234", rows.get(0).get("hostPIN"));
        assertEquals("5678", rows.get(1).get("hostPIN"));
    }

    @Test
    void utf16LittleEndianWithBomAndTabsAsExcelUnicodeText() throws Exception {
        Path file = file(dir, "pins.csv", Fixtures.UTF16LE_BOM,
                "webExId\thostPIN\r\nj\u00fcrgen@acme.com\t1234\r\n".getBytes(UTF_16LE));

        assertEquals(List.of("webExId", "hostPIN"), header(file));
        assertEquals("j\u00fcrgen@acme.com", readAll(file).get(0).get("webExId"));
    }

    @Test
    void windows1252IsRecognisedByItsBytes() throws Exception {
        Path file = file(dir, "pins.csv", "webExId,name\nmm@acme.com,M\u00fcller\n".getBytes(WINDOWS_1252));

        assertEquals("M\u00fcller", readAll(file).get(0).get("name"));
    }

    @Test
    void windows1252IsRecognisedEvenWhenTheFirstAccentIsFarIntoTheFile() throws Exception {
        StringBuilder text = new StringBuilder("webExId,name\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("user").append(i).append("@acme.com,Smith\n");
        }
        text.append("mm@acme.com,M\u00fcller\n");
        Path file = file(dir, "pins.csv", text.toString().getBytes(WINDOWS_1252));

        List<SpreadsheetRow> rows = readAll(file);
        assertEquals("M\u00fcller", rows.get(rows.size() - 1).get("name"));
    }

    @Test
    void quotedFieldWithSeparatorQuoteAndNewlineIsOneRow() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,note\nanna,\"Berlin, \"\"HQ\"\"\nfloor 2\"\nbert,plain\n");

        List<SpreadsheetRow> rows = readAll(file);
        assertEquals("Berlin, \"HQ\"\nfloor 2", rows.get(0).get("note"));
        assertEquals(List.of(2, 3), numbers(rows));
    }

    @Test
    void blankRowsAreSkippedButLaterRowsKeepTheirNumbers() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,hostPIN\nanna,1234\n\n , \u00a0\n,\nbert,5678\n");

        List<SpreadsheetRow> rows = readAll(file);
        assertEquals(List.of(2, 6), numbers(rows));
        assertEquals("bert", rows.get(1).get("webExId"));
    }

    @Test
    void valuesAreTrimmedOfSpacesAndNonBreakingSpacesOnly() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,name\n \u00a0anna@acme.com\u00a0 , Anna  Maria \n");

        SpreadsheetRow row = readAll(file).get(0);
        assertEquals("anna@acme.com", row.get("webExId"));
        assertEquals("Anna  Maria", row.get("name"));
    }

    @Test
    void missingTrailingCellsReadAsEmpty() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,hostPIN,site\nanna,1234\n");

        SpreadsheetRow row = readAll(file).get(0);
        assertEquals("", row.get("site"));
        assertEquals(List.of("webExId", "hostPIN", "site"), List.copyOf(row.columns().keySet()));
        assertEquals("", row.get("no such column"));
    }

    @Test
    void columnsWithoutAHeaderNameAreLeftOut() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,,hostPIN,,\nanna,note,1234,x,y\n");

        assertEquals(List.of("webExId", "hostPIN"), header(file));
        assertEquals(Map.of("webExId", "anna", "hostPIN", "1234"), readAll(file).get(0).columns());
    }

    @Test
    void separatorInsideQuotesDoesNotCountWhenSniffing() throws Exception {
        Path file = csv(dir, "pins.csv", "\"user, id\";hostPIN;site\nanna;1234;acme\n");

        assertEquals(List.of("user, id", "hostPIN", "site"), header(file));
    }

    @Test
    void singleColumnFileUsesCommaByDefault() throws Exception {
        Path file = csv(dir, "users.csv", "webExId\nanna\n");

        assertEquals("anna", readAll(file).get(0).get("webExId"));
    }

    @Test
    void headerOnlyIsAValidFileWithNoRows() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,hostPIN\r\n");

        assertEquals(List.of("webExId", "hostPIN"), header(file));
        assertTrue(readAll(file).isEmpty());
    }

    @Test
    void extensionIsMatchedWhateverItsCase() throws Exception {
        Path file = csv(dir, "PINS.CSV", "webExId\nanna\n");

        assertEquals(1, readAll(file).size());
    }

    @Test
    void rowsAreUnmodifiable() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId\nanna\n");

        Map<String, String> columns = readAll(file).get(0).columns();
        assertThrows(UnsupportedOperationException.class, () -> columns.put("webExId", "eve"));
    }

    @Test
    void unterminatedQuoteFailsOnTheRowWhereItStarts() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId,hostPIN\nanna,1234\nbert,\"5678\ncarl,9999\n");

        List<SpreadsheetRow> read = new ArrayList<>();
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> reader.forEachRemaining(read::add));
            assertEquals(3, e.rowNumber());
            assertTrue(e.getMessage().startsWith("row 3 of pins.csv"), e.getMessage());
        }
        assertEquals(List.of(2), numbers(read));
    }

    @Test
    void fieldOverTheLimitFailsOnItsRowAfterTheRowsBefore() throws Exception {
        StringBuilder text = new StringBuilder("webExId,hostPIN\n");
        for (int row = 2; row <= 6; row++) {
            text.append("user").append(row).append(",1234\n");
        }
        text.append("evil,").append("9".repeat(RowLimits.MAX_FIELD_CHARS + 1)).append('\n');
        Path file = csv(dir, "pins.csv", text.toString());

        List<SpreadsheetRow> read = new ArrayList<>();
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> reader.forEachRemaining(read::add));
            assertEquals("row 7 of pins.csv has a field over 100000 characters", e.getMessage());
            assertEquals(7, e.rowNumber());
        }
        assertEquals(List.of(2, 3, 4, 5, 6), numbers(read));
    }

    @Test
    void quotedFieldOverTheLimitIsCaughtToo() throws Exception {
        String huge = "\"" + "a,\n".repeat(RowLimits.MAX_FIELD_CHARS / 3 + 1) + "\"";
        Path file = csv(dir, "pins.csv", "webExId,note\nanna," + huge + "\n");

        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            SpreadsheetException e = assertThrows(SpreadsheetException.class, reader::hasNext);
            assertEquals(2, e.rowNumber());
        }
    }

    @Test
    void rowWithTooManyColumnsFails() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId\nanna\n" + ",".repeat(RowLimits.MAX_COLUMNS) + "x\n");

        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            assertEquals("anna", reader.next().get("webExId"));
            SpreadsheetException e = assertThrows(SpreadsheetException.class, reader::hasNext);
            assertEquals("row 3 of pins.csv has more than 1000 columns", e.getMessage());
        }
    }

    @Test
    void afterTheLastRowThereIsNoNext() throws Exception {
        Path file = csv(dir, "pins.csv", "webExId\nanna\n");

        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            reader.next();
            assertFalse(reader.hasNext());
            assertThrows(NoSuchElementException.class, reader::next);
        }
    }
}
