package pindrop.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The data rows of a CSV or XLSX file, one at a time, so a file of any length is read in constant memory.
 * The first row is the header; wholly blank rows are skipped but keep their place in the numbering.
 * Used by one thread at a time; close it to release the file.
 */
public interface SpreadsheetReader extends Iterator<SpreadsheetRow>, Closeable {

    /**
     * Opens {@code file} by its extension ({@code .csv} or {@code .xlsx}, any case) and reads its header row.
     *
     * @throws RejectedFileException when the file cannot be read as a spreadsheet at all; nothing is left open
     */
    static SpreadsheetReader open(Path file) throws RejectedFileException {
        String name = file.getFileName().toString();
        String extension = name.toLowerCase(Locale.ROOT);
        boolean csv = extension.endsWith(".csv");
        if (!csv && !extension.endsWith(".xlsx")) {
            throw new RejectedFileException(name + " is not a spreadsheet pindrop can read: save it as .xlsx or .csv");
        }
        try {
            if (Files.size(file) == 0) {
                throw new RejectedFileException(name + " is empty: it has no header row");
            }
        } catch (IOException e) {
            throw new RejectedFileException(name + " could not be read: " + e.getMessage(), e);
        }
        return csv ? CsvSpreadsheetReader.open(file, name) : XlsxSpreadsheetReader.open(file, name);
    }

    /** The column names of the header row as the user wrote them (trimmed, without BOM), in column order. */
    List<String> header();
}
