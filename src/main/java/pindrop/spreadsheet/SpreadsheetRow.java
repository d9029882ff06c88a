package pindrop.spreadsheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One data row: its number as the user sees it in the spreadsheet, and its cell texts by column name. */
public final class SpreadsheetRow {

    private final int number;
    private final Map<String, String> columns;

    SpreadsheetRow(int number, LinkedHashMap<String, String> columns) {
        this.number = number;
        this.columns = Collections.unmodifiableMap(columns);
    }

    /** The spreadsheet row number: the header is row 1, so the first data row is row 2. */
    public int number() {
        return number;
    }

    /** Column name to trimmed cell text, in column order; an empty or missing cell is "". */
    public Map<String, String> columns() {
        return columns;
    }

    /** The cell text under the column named exactly {@code headerName}, or "" when there is none. */
    public String get(String headerName) {
        return columns.getOrDefault(headerName, "");
    }

    /** Names the row but never shows its values: they include PINs, which must stay out of logs. */
    @Override
    public String toString() {
        return "SpreadsheetRow[row " + number + ", columns " + columns.keySet() + "]";
    }
}
