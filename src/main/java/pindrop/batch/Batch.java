package pindrop.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import pindrop.outcome.Outbox;
import pindrop.outcome.Outcome;
import pindrop.outcome.ResultsWriter;
import pindrop.outcome.Status;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetReader;

/**
 * One dropped file on its way through pindrop: what the scan found (columns, row count, duplicate users)
 * and the outcome files being written for it.
 */
public final class Batch {

    private final Path input;
    private final String inputName;
    private final String job;
    private final Scan scan;
    private final Outbox outbox;
    private final String base;
    private final boolean simulated;
    private final Path resultsStaged;
    private final Path retryStaged;
    private final ResultsWriter writer;
    private final Map<Status, LongAdder> counts = new EnumMap<>(Status.class);
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private final Instant started = Instant.now();

    Batch(Path input, String inputName, String job, Scan scan, Outbox outbox, boolean simulated, int window)
            throws IOException {
        this.input = input;
        this.inputName = inputName;
        this.job = job;
        this.scan = scan;
        this.outbox = outbox;
        this.simulated = simulated;
        this.base = outbox.claim(inputName);
        this.resultsStaged = outbox.staging(base + ".results.csv");
        this.retryStaged = outbox.staging(base + ".retry.csv");
        this.writer = new ResultsWriter(resultsStaged, retryStaged, scan.header(), window);
        for (Status s : Status.values()) {
            counts.put(s, new LongAdder());
        }
    }

    public String inputName() {
        return inputName;
    }

    public String userColumn() {
        return scan.userColumn();
    }

    public String valueColumn() {
        return scan.valueColumn();
    }

    public List<String> header() {
        return scan.header();
    }

    public int rowCount() {
        return scan.rows();
    }

    /** The first row that names the same user as {@code row}, or 0 when {@code row} is the first. */
    public int firstRowOfUser(int row) {
        return scan.duplicateOf().getOrDefault(row, 0);
    }

    /** The data rows, read afresh from the file; the caller closes the reader. */
    public SpreadsheetReader rows() throws RejectedFileException {
        return SpreadsheetReader.open(input);
    }

    public void record(long index, Outcome outcome) throws IOException, InterruptedException {
        writer.add(index, outcome);
        counts.get(outcome.status()).increment();
        if (!outcome.account().isEmpty()) {
            accounts.add(outcome.account());
        }
    }

    public long done() {
        return writer.written();
    }

    public long count(Status status) {
        return counts.get(status).sum();
    }

    /** Publishes results, retry and, last, the summary; returns the summary. */
    public Map<String, Object> finish(Optional<Instant> accountsBack) throws IOException {
        writer.close();
        if (writer.written() != scan.rows()) {
            // never publish a report that silently lacks rows: the file fails instead and is kept
            throw new IllegalStateException(inputName + ": " + writer.written() + " outcomes for " + scan.rows()
                    + " rows; the outcome files are not published");
        }
        outbox.publish(resultsStaged, base + ".results.csv");
        outbox.publish(retryStaged, base + ".retry.csv");
        Map<String, Object> summary = Summaries.completed(inputName, job, simulated, started, Instant.now());
        summary.put("rows", scan.rows());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, n) -> byStatus.put(status.name(), n.sum()));
        summary.put("counts", byStatus);
        summary.put("accounts", accounts.stream().sorted().toList());
        summary.put("results", base + ".results.csv");
        summary.put("retry", base + ".retry.csv");
        accountsBack.ifPresent(at -> summary.put("deferredUntil", at.toString()));
        outbox.publishSummary(base, summary);
        return summary;
    }

    /** Time since the batch opened, for progress lines. */
    public Duration elapsed() {
        return Duration.between(started, Instant.now());
    }
}
