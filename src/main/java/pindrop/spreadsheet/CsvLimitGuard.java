package pindrop.spreadsheet;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Enforces {@link RowLimits} on CSV text before the parser sees it. commons-csv 1.14 has no limit on a
 * field's size and buffers each field and row whole, so a file with a never-ending field would exhaust
 * memory; this reader follows the same quoting rules (RFC 4180, separator sniffed) and stops at the limit.
 * <p>
 * The text before the offending character is still handed over and the failure is raised on the next
 * read, so the rows before it are delivered and the parser fails on the very row that broke the limit.
 */
final class CsvLimitGuard extends FilterReader {

    /** Why reading stopped, on which row; an IOException so it travels through the parser. */
    static final class LimitExceeded extends IOException {

        private final int row;

        LimitExceeded(String message, int row) {
            super(message);
            this.row = row;
        }

        int row() {
            return row;
        }
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final char delimiter;
    private final String fileName;
    private State state = State.FIELD_START;
    private boolean afterCarriageReturn;
    private int row = 1;
    private int columns = 1;
    private int fieldLength;
    private int rowLength;
    private LimitExceeded pending;

    CsvLimitGuard(Reader text, char delimiter, String fileName) {
        super(text);
        this.delimiter = delimiter;
        this.fileName = fileName;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        int count = super.read(buffer, offset, length);
        for (int i = 0; i < count; i++) {
            LimitExceeded exceeded = follow(buffer[offset + i]);
            if (exceeded != null) {
                if (i == 0) {
                    throw exceeded;
                }
                pending = exceeded;
                return i;
            }
        }
        return count;
    }

    /** Marking would replay characters through {@link #follow}; the parser buffers on its own. */
    @Override
    public boolean markSupported() {
        return false;
    }

    private LimitExceeded follow(char c) {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (c == '\n') {
                return null; // CRLF is one line break
            }
        }
        switch (state) {
            case QUOTED:
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                    return null;
                }
                return grow();
            case QUOTE_IN_QUOTED:
                if (c == '"') { // "" stands for one quote
                    state = State.QUOTED;
                    return grow();
                }
                return outsideQuotes(c); // text after the closing quote joins the field, as in Excel
            case FIELD_START:
                if (c == '"') {
                    state = State.QUOTED;
                    return null;
                }
                return outsideQuotes(c);
            default:
                return outsideQuotes(c);
        }
    }

    private LimitExceeded outsideQuotes(char c) {
        if (c == delimiter) {
            state = State.FIELD_START;
            fieldLength = 0;
            return ++columns > RowLimits.MAX_COLUMNS
                    ? new LimitExceeded(RowLimits.tooManyColumns(fileName, row), row) : null;
        }
        if (c == '\r' || c == '\n') {
            state = State.FIELD_START;
            afterCarriageReturn = c == '\r';
            row++;
            columns = 1;
            fieldLength = 0;
            rowLength = 0;
            return null;
        }
        state = State.UNQUOTED;
        return grow();
    }

    /** Counts a character of cell text, which is what the parser buffers. */
    private LimitExceeded grow() {
        if (++fieldLength > RowLimits.MAX_FIELD_CHARS) {
            return new LimitExceeded(RowLimits.fieldTooLong(fileName, row), row);
        }
        return ++rowLength > RowLimits.MAX_ROW_CHARS ? new LimitExceeded(RowLimits.rowTooLong(fileName, row), row) : null;
    }
}
