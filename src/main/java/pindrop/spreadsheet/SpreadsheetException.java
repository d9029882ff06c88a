package pindrop.spreadsheet;

/**
 * A problem found while streaming the rows after the header (a damaged part of the file, a hostile row).
 * Unchecked because it surfaces from {@link java.util.Iterator#hasNext()}; the message is written for
 * the person who dropped the file and never contains cell values.
 */
public class SpreadsheetException extends RuntimeException {

    private final int rowNumber;

    public SpreadsheetException(String message, int rowNumber) {
        super(message);
        this.rowNumber = rowNumber;
    }

    public SpreadsheetException(String message, int rowNumber, Throwable cause) {
        super(message, cause);
        this.rowNumber = rowNumber;
    }

    /** The spreadsheet row where reading stopped (the header is row 1). */
    public int rowNumber() {
        return rowNumber;
    }
}
