package pindrop.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * The first visible sheet of an XLSX workbook, streamed row by row by fastexcel-reader. Row numbers are
 * the sheet's own, so rows Excel did not store (empty ones) leave gaps in the numbering as they should.
 */
final class XlsxSpreadsheetReader extends SpreadsheetReaderBase {

    /** Cell formats are needed to show numbers formatted "0000" with their leading zeros. */
    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private int lastRowNumber;

    private XlsxSpreadsheetReader(String fileName, ReadableWorkbook workbook, Stream<Row> stream) {
        super(fileName);
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static SpreadsheetReader open(Path file, String fileName) throws RejectedFileException {
        checkSignature(file, fileName);
        ReadableWorkbook workbook;
        try {
            ZipBombCheck.check(file, fileName);
            // the File constructor: the InputStream one reads the whole file into memory, then inflates it alike
            workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS);
        } catch (IOException e) {
            throw notXlsx(fileName, "corrupt zip", e);
        } catch (RuntimeException e) {
            throw notXlsx(fileName, "damaged, or not an Excel workbook", e);
        }
        XlsxSpreadsheetReader reader;
        try {
            Optional<Sheet> sheet = firstVisibleSheet(workbook);
            if (sheet.isEmpty()) {
                throw closing(workbook, new RejectedFileException(fileName + " has no visible sheet to read"));
            }
            reader = new XlsxSpreadsheetReader(fileName, workbook, sheet.get().openStream());
        } catch (IOException | RuntimeException e) {
            throw closing(workbook, notXlsx(fileName, "its first sheet is damaged", e));
        }
        reader.readHeader();
        return reader;
    }

    /** Tells a renamed text file or an .xls from a damaged .xlsx, so the reason points at the fix. */
    private static void checkSignature(Path file, String fileName) throws RejectedFileException {
        byte[] signature;
        try (InputStream in = Files.newInputStream(file)) {
            signature = in.readNBytes(8);
        } catch (IOException e) {
            throw new RejectedFileException(fileName + " could not be read: " + e.getMessage(), e);
        }
        if (ReadableWorkbook.isOLE2Header(signature)) {
            throw new RejectedFileException(fileName
                    + " is password-protected or an old .xls workbook: save it from Excel as a plain .xlsx or .csv");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(signature)) {
            throw notXlsx(fileName, "not a zip file", null);
        }
    }

    private static RejectedFileException closing(ReadableWorkbook workbook, RejectedFileException rejection) {
        try {
            workbook.close();
        } catch (IOException e) {
            rejection.addSuppressed(e);
        }
        return rejection;
    }

    private static RejectedFileException notXlsx(String fileName, String why, Throwable cause) {
        return new RejectedFileException(fileName + " is not a valid XLSX file (" + why + ")", cause);
    }

    /** A hidden first sheet is not what the user sees first when opening the file. */
    private static Optional<Sheet> firstVisibleSheet(ReadableWorkbook workbook) {
        return workbook.getSheets().filter(sheet -> sheet.getVisibility() == SheetVisibility.VISIBLE).findFirst();
    }

    @Override
    PhysicalRow readPhysicalRow() {
        Row row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (RuntimeException e) { // fastexcel reports a damaged part with unchecked exceptions of all kinds
            int failed = lastRowNumber + 1;
            throw new SpreadsheetException("row " + failed + " of " + fileName + " could not be read (the file is damaged)",
                    failed, e);
        }
        lastRowNumber = row.getRowNum();
        return new PhysicalRow(lastRowNumber, cellTexts(row));
    }

    private List<String> cellTexts(Row row) {
        List<String> texts = new ArrayList<>(row.getCellCount());
        int lastFilled = -1;
        int rowChars = 0;
        for (int column = 0; column < row.getCellCount(); column++) {
            Cell cell = row.getCell(column);
            String text = cell == null ? "" : XlsxCellText.of(cell);
            if (text.length() > RowLimits.MAX_FIELD_CHARS) {
                throw new SpreadsheetException(RowLimits.fieldTooLong(fileName, lastRowNumber), lastRowNumber);
            }
            rowChars += text.length();
            if (rowChars > RowLimits.MAX_ROW_CHARS) {
                throw new SpreadsheetException(RowLimits.rowTooLong(fileName, lastRowNumber), lastRowNumber);
            }
            if (!CellText.isBlank(text)) {
                lastFilled = column;
            }
            texts.add(text);
        }
        // cells that are only formatted, to the right, are not columns; none lies past RowLimits.MAX_COLUMNS,
        // ZipBombCheck refused the file before fastexcel could pad a row out to it
        return texts.subList(0, lastFilled + 1);
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
