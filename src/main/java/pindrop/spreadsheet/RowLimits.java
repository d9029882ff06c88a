package pindrop.spreadsheet;

/**
 * Bounds on one row, so a hostile or broken file cannot exhaust memory: the CSV parser would otherwise
 * buffer a never-ending field or row whole. Real PIN sheets are far below both.
 */
final class RowLimits {

    static final int MAX_FIELD_CHARS = 100_000;
    static final int MAX_COLUMNS = 1_000;

    private RowLimits() {
    }

    static String fieldTooLong(String fileName, int row) {
        return "row " + row + " of " + fileName + " has a field over " + MAX_FIELD_CHARS + " characters";
    }

    static String tooManyColumns(String fileName, int row) {
        return "row " + row + " of " + fileName + " has more than " + MAX_COLUMNS + " columns";
    }
}
