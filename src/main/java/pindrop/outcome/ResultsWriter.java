package pindrop.outcome;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes results and retry lines in input order while rows finish in any order. Both files open safely in
 * Excel: UTF-8 with a BOM, and results cells that Excel would run as a formula are neutralised (the retry
 * file keeps the input's cells as they were, to be dropped into the inbox again). A row that finishes early
 * waits here until the rows before it are written, and a row too far ahead waits for room, so memory holds
 * at most {@code window} outcomes whatever the size of the file.
 */
public final class ResultsWriter implements Closeable {

    static final List<String> RESULT_COLUMNS =
            List.of("row", "webExId", "status", "exceptionId", "reason", "account", "attempts");

    private final CSVPrinter results;
    private final CSVPrinter retry;
    private final int window;
    private final Map<Long, Outcome> early = new HashMap<>();
    private long next;

    public ResultsWriter(Path resultsFile, Path retryFile, List<String> inputHeader, int window) throws IOException {
        this.results = open(resultsFile, RESULT_COLUMNS);
        this.retry = open(retryFile, inputHeader);
        this.window = window;
    }

    /** Accepts the outcome of the row at {@code index} (0 for the first data row). */
    public synchronized void add(long index, Outcome outcome) throws IOException, InterruptedException {
        while (index - next >= window) {
            wait();
        }
        early.put(index, outcome);
        Outcome ready;
        while ((ready = early.remove(next)) != null) {
            write(ready);
            next++;
        }
        notifyAll();
    }

    /** Rows written so far. */
    public synchronized long written() {
        return next;
    }

    @Override
    public synchronized void close() throws IOException {
        try (results; retry) {
            if (!early.isEmpty()) {
                throw new IllegalStateException(early.size() + " outcomes arrived without the rows before them");
            }
        }
    }

    private void write(Outcome o) throws IOException {
        results.printRecord(o.row(), ExcelSafe.text(o.webExId()), o.status(), o.exceptionId(),
                ExcelSafe.text(o.reason()), ExcelSafe.text(o.account()), o.attempts());
        if (o.status().retryable()) {
            retry.printRecord(o.input());
        }
    }

    private static CSVPrinter open(Path file, List<String> header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        // a BOM, so Excel reads the file as UTF-8 and shows names right; pindrop's own reader skips it
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
    }
}
