package pindrop.spreadsheet;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

/** What CSV and XLSX share: row 1 is the header, later rows are named by it and blank ones skipped. */
abstract class SpreadsheetReaderBase implements SpreadsheetReader {

    final String fileName;
    private Header header;
    private SpreadsheetRow next;
    private boolean endReached;

    SpreadsheetReaderBase(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The next row as stored, blank or not, or null after the last one.
     *
     * @throws SpreadsheetException when the file turns out to be damaged or hostile at this point
     */
    abstract PhysicalRow readPhysicalRow();

    /** Reads the header; when the file is rejected, closes this reader first so nothing stays open. */
    final void readHeader() throws RejectedFileException {
        try {
            PhysicalRow first = readPhysicalRow();
            if (first == null) {
                throw new RejectedFileException(fileName + " is empty: it has no header row");
            }
            header = Header.of(fileName, first);
        } catch (SpreadsheetException e) {
            closeQuietly(e);
            throw new RejectedFileException(e.getMessage(), e);
        } catch (RejectedFileException e) {
            closeQuietly(e);
            throw e;
        }
    }

    private void closeQuietly(Exception reason) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            reason.addSuppressed(e);
        }
    }

    @Override
    public final List<String> header() {
        return header.names();
    }

    @Override
    public final boolean hasNext() {
        while (next == null && !endReached) {
            PhysicalRow row = readPhysicalRow();
            if (row == null) {
                endReached = true;
            } else {
                next = header.toRow(row).orElse(null);
            }
        }
        return next != null;
    }

    @Override
    public final SpreadsheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + fileName);
        }
        SpreadsheetRow row = next;
        next = null;
        return row;
    }
}
