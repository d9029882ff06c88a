package pindrop.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

import pindrop.spreadsheet.SpreadsheetReader;
import pindrop.spreadsheet.SpreadsheetRow;

/** A file's rows for the splitter, ending early when the batch is interrupted (stop, outbox not writable). */
final class InterruptibleRows implements Iterator<SpreadsheetRow>, Closeable {

    private final SpreadsheetReader reader;
    private final BooleanSupplier interrupted;

    InterruptibleRows(SpreadsheetReader reader, BooleanSupplier interrupted) {
        this.reader = reader;
        this.interrupted = interrupted;
    }

    @Override
    public boolean hasNext() {
        return !interrupted.getAsBoolean() && reader.hasNext();
    }

    @Override
    public SpreadsheetRow next() {
        return reader.next();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
