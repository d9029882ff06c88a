package pindrop.spreadsheet;

/**
 * Bounds on one row, so a hostile or broken file cannot exhaust memory: the CSV parser would otherwise
 * buffer a never-ending field or row whole. Real PIN sheets are far below all three.
 */
final class RowLimits {

    static final int MAX_FIELD_CHARS = 100_000;
    static final int MAX_COLUMNS = 1_000;
    /** The cell text of a whole row: fields and columns within their limits could still make 100 million. */
    static final int MAX_ROW_CHARS = 1_000_000;

    private RowLimits() {
    }

    static String fieldTooLong(String fileName, int row) {
        return "row " + row + " of " + fileName + " has a field over " + MAX_FIELD_CHARS + " characters";
    }

    static String tooManyColumns(String fileName, int row) {
        return "row " + row + " of " + fileName + " has more than " + MAX_COLUMNS + " columns";
    }

    static String rowTooLong(String fileName, int row) {
        return "row " + row + " of " + fileName + " has over " + MAX_ROW_CHARS + " characters in all";
    }
}
