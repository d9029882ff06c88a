package pindrop.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read record by record. Each record is one spreadsheet row, even when a quoted field spans
 * lines, and empty lines are records too, so record numbers are the row numbers Excel shows.
 */
final class CsvSpreadsheetReader extends SpreadsheetReaderBase {

    private final CsvEncoding encoding;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvSpreadsheetReader(String fileName, CsvEncoding encoding, CSVParser parser) {
        super(fileName);
        this.encoding = encoding;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static SpreadsheetReader open(Path file, String fileName) throws RejectedFileException {
        CsvSpreadsheetReader reader;
        try {
            CsvEncoding encoding = CsvEncoding.detect(file, fileName);
            BufferedReader text = encoding.newReader(file);
            try {
                char delimiter = CsvDelimiter.sniff(text);
                CSVParser parser = CSVParser.builder()
                        .setReader(new CsvLimitGuard(text, delimiter, fileName))
                        .setFormat(format(delimiter))
                        .get();
                reader = new CsvSpreadsheetReader(fileName, encoding, parser);
            } catch (IOException | RuntimeException e) {
                text.close();
                throw e;
            }
        } catch (IOException e) {
            throw new RejectedFileException(fileName + " could not be read: " + e.getMessage(), e);
        }
        reader.readHeader();
        return reader;
    }

    /**
     * RFC 4180 as Excel writes it. Empty lines are kept as records so that numbering matches the sheet
     * (blank rows are skipped later); text after a closing quote is kept, as Excel does when opening it.
     */
    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .get();
    }

    @Override
    PhysicalRow readPhysicalRow() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            return new PhysicalRow(Math.toIntExact(record.getRecordNumber()), record.toList());
        } catch (UncheckedIOException e) {
            throw failure(e.getCause());
        }
    }

    private SpreadsheetException failure(IOException cause) {
        if (cause instanceof CsvLimitGuard.LimitExceeded exceeded) {
            return new SpreadsheetException(exceeded.getMessage(), exceeded.row(), cause);
        }
        int row = Math.toIntExact(parser.getRecordNumber() + 1);
        String where = "row " + row + " of " + fileName;
        if (cause instanceof CSVException) {
            // with trailing data allowed, what is left for the parser to refuse is a quote never closed
            return new SpreadsheetException(where + " is not valid CSV: a quoted field is not closed (a \" is missing)",
                    row, cause);
        }
        if (cause instanceof CharacterCodingException) {
            return new SpreadsheetException(where + " is not valid " + encoding.charset().name() + " text", row, cause);
        }
        return new SpreadsheetException(where + " could not be read: " + cause.getMessage(), row, cause);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
