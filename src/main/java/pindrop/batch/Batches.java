package pindrop.batch;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.AccountPool;
import pindrop.outcome.Outbox;
import pindrop.outcome.Outcome;
import pindrop.outcome.Status;
import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetReader;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * A dropped file's life in the route: opened (scanned, or rejected with a reason a user understands),
 * each row's outcome recorded, and its outcome files published. The route names the job and the column
 * the job writes in the variables {@code job} and {@code valueColumn}.
 */
public final class Batches {

    /** The exchange property that carries the file's {@link Batch} to every row. */
    public static final String BATCH = "pindrop.batch";

    /** The contract's names for the user column, in order of preference. */
    static final HeaderAliases USER_COLUMN = HeaderAliases.of("webExId", "WebExID", "email", "user", "User ID/Email");

    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    private final Outbox outbox;
    private final AccountPool pool;
    private final boolean simulated;
    private final int window;
    private final AtomicInteger rejected = new AtomicInteger();
    private final Set<Batch> open = ConcurrentHashMap.newKeySet();

    public Batches(Outbox outbox, AccountPool pool, boolean simulated, int window) {
        this.outbox = outbox;
        this.pool = pool;
        this.simulated = simulated;
        this.window = window;
    }

    public void open(Exchange exchange) throws RejectedFileException, IOException {
        File file = exchange.getIn().getBody(File.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String job = exchange.getVariable("job", String.class);
        HeaderAliases value = HeaderAliases.of(exchange.getVariable("valueColumn", String.class).split("\\s*,\\s*"));
        Scan scan = Scan.of(file.toPath(), name, USER_COLUMN, value);
        Batch batch = new Batch(file.toPath(), name, job, scan, outbox, simulated, window);
        exchange.setProperty(BATCH, batch);
        open.add(batch);
        LOG.info("{}: {} rows, user column '{}', {} column '{}'{}", name, scan.rows(), scan.userColumn(), job,
                scan.valueColumn(), simulated ? " [SIMULATED: no real Webex site is contacted]" : "");
    }

    /** The file's data rows for the splitter, which closes the reader when the last row is out. */
    public SpreadsheetReader rows(Exchange exchange) throws RejectedFileException {
        return exchange.getProperty(BATCH, Batch.class).rows();
    }

    /** Records the row's outcome from the variables the route set: status, exceptionId, reason, account, attempts. */
    public void record(Exchange exchange) throws IOException, InterruptedException {
        Batch batch = exchange.getProperty(BATCH, Batch.class);
        SpreadsheetRow row = exchange.getVariable("input", SpreadsheetRow.class);
        Status status = Status.valueOf(exchange.getVariable("status", String.class));
        List<String> input = status.retryable() ? List.copyOf(row.columns().values()) : List.of();
        Outcome outcome = new Outcome(row.number(), row.get(batch.userColumn()), status,
                text(exchange, "exceptionId"), text(exchange, "reason"), text(exchange, "account"),
                exchange.getVariable("attempts", AtomicInteger.class).get(), input);
        batch.record(exchange.getProperty(Exchange.SPLIT_INDEX, Long.class), outcome);
    }

    /** A row that failed in an unforeseen way still gets its outcome (recorded next): ERROR, safe to run again. */
    public void failRow(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("{}: a row failed unexpectedly: {}", exchange.getProperty(BATCH, Batch.class).inputName(),
                cause.toString());
        exchange.setVariable("status", Status.ERROR.name());
        exchange.setVariable("exceptionId", "");
        exchange.setVariable("reason", "pindrop could not process this row: " + cause.getMessage());
        if (exchange.getVariable("input") == null) {
            // failed before the row check: the body is still the row the splitter gave
            exchange.setVariable("input", exchange.getIn().getBody(SpreadsheetRow.class));
            exchange.setVariable("attempts", new AtomicInteger());
        }
    }

    public void finish(Exchange exchange) throws IOException {
        Batch batch = exchange.getProperty(BATCH, Batch.class);
        Optional<Instant> accountsBack = batch.count(Status.DEFERRED) > 0 ? pool.nextUsableAt() : Optional.empty();
        Map<String, Object> summary = batch.finish(accountsBack);
        open.remove(batch);
        LOG.info("{}: done, {} rows {}{}", batch.inputName(), summary.get("rows"), summary.get("counts"),
                simulated ? " [SIMULATED]" : "");
        if (batch.count(Status.DEFERRED) > 0) {
            LOG.warn("{}: {} rows DEFERRED, in {}; the first admin account is usable again {}", batch.inputName(),
                    batch.count(Status.DEFERRED), summary.get("retry"),
                    accountsBack.map(at -> "at " + at).orElse("only after a fix (see the log above)"));
        }
    }

    /** Writes the summary of a file that could not be processed at all; the route then moves it to .failed. */
    public void reject(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause instanceof RejectedFileException ? cause.getMessage()
                : name + " could not be processed: " + cause;
        outbox.publishSummary(outbox.claim(name),
                Summaries.rejected(name, exchange.getVariable("job", String.class), reason, simulated,
                        Instant.now()));
        rejected.incrementAndGet();
        Batch batch = exchange.getProperty(BATCH, Batch.class);
        if (batch != null) {
            open.remove(batch);
        }
        LOG.error("REJECTED {}: {}", name, reason);
    }

    /** The files being processed now, for progress reports. */
    public Set<Batch> open() {
        return Set.copyOf(open);
    }

    /** Files rejected since start, for {@code --once}'s exit code. */
    public int rejectedCount() {
        return rejected.get();
    }

    private static String text(Exchange exchange, String variable) {
        String value = exchange.getVariable(variable, String.class);
        return value == null ? "" : value;
    }
}
