package pindrop.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

import pindrop.spreadsheet.SpreadsheetReader;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * A file's rows for the splitter, ending early when the batch is interrupted (stop, outbox not writable). A row
 * handed out is in flight until its outcome is recorded.
 */
final class InterruptibleRows implements Iterator<SpreadsheetRow>, Closeable {

    private final SpreadsheetReader reader;
    private final BooleanSupplier interrupted;
    private final Runnable rowStarted;

    InterruptibleRows(SpreadsheetReader reader, BooleanSupplier interrupted, Runnable rowStarted) {
        this.reader = reader;
        this.interrupted = interrupted;
        this.rowStarted = rowStarted;
    }

    @Override
    public boolean hasNext() {
        return !interrupted.getAsBoolean() && reader.hasNext();
    }

    @Override
    public SpreadsheetRow next() {
        SpreadsheetRow row = reader.next();
        rowStarted.run();
        return row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
