package pindrop.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pindrop.spreadsheet.Fixtures.editSheetXml;
import static pindrop.spreadsheet.Fixtures.header;
import static pindrop.spreadsheet.Fixtures.numbers;
import static pindrop.spreadsheet.Fixtures.readAll;
import static pindrop.spreadsheet.Fixtures.xlsx;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSpreadsheetReaderTest {

    @TempDir
    Path dir;

    @Test
    void numbersReadAsExcelShowsThem() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "whole");
            sheet.value(0, 1, "fraction");
            sheet.value(0, 2, "big");
            sheet.value(0, 3, "huge");
            sheet.value(1, 0, 3421);
            sheet.value(1, 1, 1.5);
            sheet.value(1, 2, new BigDecimal("12345678901234567890"));
            sheet.value(1, 3, 1e20);
        });

        assertEquals(Map.of("whole", "3421", "fraction", "1.5", "big", "12345678901234567890",
                "huge", "100000000000000000000"), readAll(file).get(0).columns());
    }

    @Test
    void zeroPaddingFormatKeepsLeadingZeros() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "hostPIN");
            sheet.value(1, 0, 123);
            sheet.style(1, 0).format("0000").set();
            sheet.value(2, 0, 12345);
            sheet.style(2, 0).format("0000").set();
        });

        List<SpreadsheetRow> rows = readAll(file);
        assertEquals("0123", rows.get(0).get("hostPIN"));
        assertEquals("12345", rows.get(1).get("hostPIN"));
    }

    @Test
    void stringBooleanAndInlineStringCells() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(0, 1, "active");
            sheet.value(0, 2, "inactive");
            sheet.value(0, 3, "note");
            sheet.value(1, 0, " anna@acme.com\u00a0");
            sheet.value(1, 1, true);
            sheet.value(1, 2, false);
            sheet.inlineString(1, 3, "inline");
        });

        assertEquals(Map.of("webExId", "anna@acme.com", "active", "TRUE", "inactive", "FALSE", "note", "inline"),
                readAll(file).get(0).columns());
    }

    @Test
    void formulaCellsReadAsTheirCachedValues() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "number");
            sheet.value(0, 1, "padded");
            sheet.value(0, 2, "text");
            sheet.value(0, 3, "flag");
            sheet.value(0, 4, "error");
            sheet.value(1, 0, 0);
            sheet.value(1, 1, 0);
            sheet.style(1, 1).format("0000").set(); // so that style s="1" exists for B2 below
        });
        // fastexcel writes formulas without the value Excel caches on save, so the cells are written by hand
        editSheetXml(file, xml -> xml.replaceFirst("<row r=\"2\">.*?</row>", "<row r=\"2\">"
                + "<c r=\"A2\"><f>1700+1721</f><v>3421</v></c>"
                + "<c r=\"B2\" s=\"1\"><f>A2/10</f><v>342.1</v></c>"
                + "<c r=\"C2\" t=\"str\"><f>LOWER(\"ANNA\")</f><v>anna</v></c>"
                + "<c r=\"D2\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
                + "<c r=\"E2\" t=\"e\"><f>NA()</f><v>#N/A</v></c>"
                + "</row>"));

        assertEquals(Map.of("number", "3421", "padded", "0342", "text", "anna", "flag", "TRUE", "error", "#N/A"),
                readAll(file).get(0).columns());
    }

    @Test
    void rowNumbersAreTheSheetsOwnWithGapsAndBlankRowsSkipped() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(1, 0, "anna");
            sheet.value(2, 0, "   ");
            sheet.value(6, 0, "bert");
        });

        assertEquals(List.of(2, 7), numbers(readAll(file)));
    }

    @Test
    void headerCellsAreTrimmedAndCanBeNumbers() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "\ufeff webExId ");
            sheet.value(0, 2, 2024);
            sheet.value(1, 0, "anna");
        });

        assertEquals(List.of("webExId", "2024"), header(file));
    }

    @Test
    void hiddenFirstSheetIsPassedOver() throws Exception {
        Path file = dir.resolve("pins.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "pindrop-test", "1.0")) {
            Worksheet hidden = workbook.newWorksheet("lookup");
            hidden.value(0, 0, "secret");
            hidden.setVisibilityState(VisibilityState.HIDDEN);
            Worksheet visible = workbook.newWorksheet("pins");
            visible.value(0, 0, "webExId");
            visible.value(1, 0, "anna");
        }

        assertEquals(List.of("webExId"), header(file));
    }

    @Test
    void extensionIsMatchedWhateverItsCase() throws Exception {
        Path file = xlsx(dir, "Pins.XLSX", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(1, 0, "anna");
        });

        assertEquals(1, readAll(file).size());
    }

    @Test
    void damageAfterTheHeaderFailsWhileStreamingAfterTheGoodRows() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            for (int row = 1; row < 5; row++) {
                sheet.value(row, 0, "user" + row);
            }
        });
        editSheetXml(file, xml -> xml.substring(0, xml.indexOf("<row r=\"4\">") + "<row r=\"4\"><c r=\"A4\" t=".length()));

        List<SpreadsheetRow> read = new ArrayList<>();
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> reader.forEachRemaining(read::add));
            assertEquals(4, e.rowNumber());
            assertTrue(e.getMessage().startsWith("row 4 of pins.xlsx could not be read"), e.getMessage());
        }
        assertEquals(List.of(2, 3), numbers(read));
    }

    @Test
    void valueInTheLastColumnReads() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(0, RowLimits.MAX_COLUMNS - 1, "note");
            sheet.value(1, RowLimits.MAX_COLUMNS - 1, "far away");
        });

        assertEquals(Map.of("webExId", "", "note", "far away"), readAll(file).get(0).columns());
    }

    @Test
    void valueBeyondColumnLimitIsRefused() throws Exception {
        Path file = xlsx(dir, "pins.xlsx", sheet -> {
            sheet.value(0, 0, "webExId");
            sheet.value(1, RowLimits.MAX_COLUMNS, "far away");
        });

        RejectedFileException e = assertThrows(RejectedFileException.class, () -> SpreadsheetReader.open(file));
        assertEquals("pins.xlsx has a cell in column ALM, beyond the 1000 columns pindrop reads: not read",
                e.getMessage());
    }
}
