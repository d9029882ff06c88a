package pindrop.batch;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import pindrop.account.AccountPlan;
import pindrop.account.AccountPool;
import pindrop.outcome.Outbox;
import pindrop.outcome.Outcome;
import pindrop.outcome.OutcomeJournal;
import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;
import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetRow;
import pindrop.status.RowMetrics;
import pindrop.webex.SiteFailureBreaker;

/**
 * A dropped file's life in the route: opened (scanned, its journal found or begun, or rejected with a reason
 * a user understands), each row's outcome recorded, and its outcome files published; or, when pindrop stops
 * or cannot write, suspended for the next start to resume. The route names the job and what it needs of a
 * file's columns in the variables {@code job} and {@code columns} (a {@link JobColumns}). Where the input goes
 * when the route is done is the exchange property {@code PindropMoveTo}, which the file consumer's {@code move}
 * option reads.
 */
public final class Batches {

    /** The contract's names for the user column, in order of preference. */
    public static final HeaderAliases USER_COLUMN = HeaderAliases.of("webExId", "WebExID", "email", "user", "User ID/Email");

    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    private final Outbox outbox;
    private final Path journals;
    private final Duration journalSync;
    private final Duration rowsInFlightMayTake;
    private final AccountPool pool;
    private final boolean simulated;
    private final boolean once;
    private final int window;
    private final AtomicInteger rejected = new AtomicInteger();
    private final Set<Batch> open = ConcurrentHashMap.newKeySet();
    private volatile String stopping;

    public Batches(Outbox outbox, Path journals, Duration journalSync, AccountPool pool, boolean simulated,
            boolean once, int window, Duration rowsInFlightMayTake) {
        this.outbox = outbox;
        this.journalSync = journalSync;
        this.once = once;
        this.rowsInFlightMayTake = rowsInFlightMayTake;
        this.journals = journals;
        this.pool = pool;
        this.simulated = simulated;
        this.window = window;
    }

    public void open(Exchange exchange) throws RejectedFileException, IOException {
        File file = exchange.getIn().getBody(File.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String job = exchange.getVariable(RowVariables.JOB, String.class);
        boolean dryRun = exchange.getVariable(RowVariables.DRY_RUN, false, Boolean.class);
        Scan scan = Scan.of(file.toPath(), name, USER_COLUMN, exchange.getVariable(RowVariables.COLUMNS, JobColumns.class));
        // one journal per job and content: the same sheet dropped for two jobs is two batches, never one's
        // resume; a dry run has its own, so a real run never resumes a dry run's VALID rows
        Path journalDir = journals.resolve(job + (dryRun ? "-dry-run-" : "-") + contentHash(file.toPath()));
        // a dry run sends nothing, so an interrupted one simply starts over: its plan then counts from the start
        OutcomeJournal journal = dryRun ? OutcomeJournal.fresh(journalDir, journalSync, outbox.durable())
                : OutcomeJournal.open(journalDir, journalSync, outbox.durable());
        Optional<AccountPlan> plan = dryRun ? Optional.of(new AccountPlan(pool.view())) : Optional.empty();
        Batch batch = new Batch(file.toPath(), name, job, plan, scan, outbox, simulated, window, journal,
                outcomeBase(journalDir, name, outcomeSuffix(dryRun)));
        exchange.setProperty(RowVariables.BATCH, batch);
        // fields of every log line about the file (JSON logs); Camel's MDC logging clears them after the exchange
        MDC.put(LogFields.FILE, name);
        MDC.put(LogFields.JOB, job);
        // relative to the job folder the file was dropped in
        exchange.setProperty(RowVariables.MOVE_TO, ".done/" + name);
        open.add(batch);
        if (stopping != null) {
            batch.interrupt(stopping);
        }
        LOG.info("{}: {} rows, user column '{}', {} writes {}{}{}{}", name, scan.rows(), scan.userColumn(), job,
                scan.valueColumn().isEmpty() ? "several columns" : "column '" + scan.valueColumn() + "'",
                batch.resumedRows() > 0 ? ", resuming: " + batch.resumedRows() + " rows done before" : "",
                dryRun ? " [DRY RUN: rows are checked, nothing is sent to SetUser]" : "",
                simulated ? " [SIMULATED: no real Webex site is contacted]" : "");
    }

    /** The file's data rows for the splitter, which closes them when the last row is out. */
    public Iterator<SpreadsheetRow> rows(@ExchangeProperty(RowVariables.BATCH) Batch batch)
            throws RejectedFileException {
        return batch.rows();
    }

    /**
     * The outcome an interrupted run gave the row, which is not sent again; null for a row still to process. The
     * row's first step on its own thread: from here its log lines say its file, job and row, and no account yet.
     */
    public Outcome resumed(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @ExchangeProperty(Exchange.SPLIT_INDEX) long index, @Variable(RowVariables.INPUT) SpreadsheetRow row) {
        MDC.put(LogFields.FILE, batch.inputName());
        MDC.put(LogFields.JOB, batch.job());
        MDC.put(LogFields.ROW, Integer.toString(row.number()));
        MDC.remove(LogFields.ACCOUNT);
        return batch.resumed(index).orElse(null);
    }

    /** The row's call counter, starting from the calls an interrupted run made for it. */
    public AtomicInteger earlierCalls(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @ExchangeProperty(Exchange.SPLIT_INDEX) long index) {
        return new AtomicInteger(batch.earlierCalls(index));
    }

    /**
     * Records the row's outcome: the one it resumed with, or its verdict with its account and attempts. A row of a
     * streak of one code ({@code siteStreak}) waits in its file until the streak is decided; a row the whole
     * site's failure deferred ({@code siteFailure}) marks its file.
     */
    public void record(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @ExchangeProperty(Exchange.SPLIT_INDEX) long index, @Variable(RowVariables.INPUT) SpreadsheetRow row,
            @Variable(RowVariables.RESUMED) Outcome resumed, @Variable(RowVariables.VERDICT) RowVerdict verdict,
            @Variable(RowVariables.ACCOUNT) String account, @Variable(RowVariables.ATTEMPTS) AtomicInteger attempts,
            @Variable(RowVariables.SITE_STREAK) SiteFailureBreaker.Streak streak,
            @Variable(RowVariables.SITE_FAILURE) String siteFailure, CamelContext context)
            throws InterruptedException {
        if (resumed != null) {
            batch.record(index, resumed, true);
            return;
        }
        Objects.requireNonNull(verdict, () -> "row " + row.number() + " of " + batch.inputName() + " has no verdict");
        // a row of a streak keeps its input: it is DEFERRED, and in the retry file, if the streak was the site's
        List<String> input = verdict.status().retryable() || streak != null ? List.copyOf(row.columns().values())
                : List.of();
        Outcome outcome = new Outcome(row.number(), row.get(batch.userColumn()), verdict.status(),
                verdict.exceptionId(), verdict.reason(), account == null ? "" : account,
                attempts == null ? 0 : attempts.get(), input);
        if (siteFailure != null) {
            batch.siteFailed(siteFailure);
        }
        if (streak != null) {
            batch.recordWhenDecided(index, outcome, streak);
        } else {
            batch.record(index, outcome, false);
        }
        RowMetrics.count(context, batch.job(), batch.dryRun(), verdict.status());
    }

    /** A row that failed in an unforeseen way still gets its outcome (recorded next): ERROR, safe to run again. */
    public RowVerdict failRow(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        LOG.error("{}: a row failed unexpectedly: {}", batch.inputName(), cause.toString());
        return RowVerdict.of(Status.ERROR, "pindrop could not process this row: " + cause.getMessage());
    }

    /** Publishes the outcome files; or, for an interrupted batch, suspends it and sends the input back to resume. */
    public void finish(Exchange exchange) throws IOException, InterruptedException {
        Batch batch = exchange.getProperty(RowVariables.BATCH, Batch.class);
        open.remove(batch);
        batch.settleUndecided();
        boolean deferred = batch.count(Status.DEFERRED) > 0;
        Optional<Instant> accountsBack = deferred ? pool.nextUsableAt() : Optional.empty();
        // in service mode pindrop sends the DEFERRED rows itself once an account is back (DeferredInputs)
        boolean comesBack = deferred && !once;
        Map<String, Object> summary;
        try {
            summary = batch.interruptedBecause().isEmpty() ? batch.finish(accountsBack, comesBack) : null;
        } catch (IOException e) {
            batch.interrupt("its outcome files cannot be published (" + e + ")");
            summary = null;
        }
        if (summary == null) {
            batch.suspend(rowsInFlightMayTake);
            exchange.setProperty(RowVariables.MOVE_TO, batch.inputName());
            LOG.warn("{}: stopped after {} of {} rows because {}; it goes back to the inbox and resumes from its"
                    + " journal when it is taken again", batch.inputName(), batch.done(), batch.rowCount(),
                    batch.interruptedBecause().orElseThrow());
            return;
        }
        LOG.info("{}: done, {} rows {}{}", batch.inputName(), summary.get("rows"), summary.get("counts"),
                simulated ? " [SIMULATED]" : "");
        if (deferred) {
            LOG.warn("{}: {} rows DEFERRED, in {}; the first admin account is usable again {}{}", batch.inputName(),
                    batch.count(Status.DEFERRED), summary.get("retry"),
                    accountsBack.map(at -> "at " + at).orElse("only after a fix (see the log above)"),
                    comesBack ? "; pindrop sends them then and updates these outcome files" : "");
        }
        if (comesBack) {
            exchange.setProperty(RowVariables.MOVE_TO, ".deferred/" + batch.inputName());
        }
    }

    /** Writes the summary of a file that could not be processed at all; the route then moves it to .failed. */
    public void reject(Exchange exchange) throws IOException {
        Batch batch = exchange.getProperty(RowVariables.BATCH, Batch.class);
        // once the batch is open, the route has dropped the file's headers
        String name = batch != null ? batch.inputName()
                : exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause instanceof RejectedFileException ? cause.getMessage()
                : name + " could not be processed: " + cause;
        boolean dryRun = exchange.getVariable(RowVariables.DRY_RUN, false, Boolean.class);
        outbox.publishSummary(outbox.claim(name, outcomeSuffix(dryRun)), Summaries.rejected(name,
                exchange.getVariable(RowVariables.JOB, String.class), dryRun, reason, simulated, Instant.now()));
        rejected.incrementAndGet();
        if (batch != null) {
            open.remove(batch);
        }
        LOG.error("REJECTED {}: {}", name, reason);
    }

    /** pindrop is stopping: no batch starts another row; rows in flight finish and are journaled. */
    public void stopAll(String why) {
        stopping = why;
        open.forEach(batch -> batch.interrupt(why));
    }

    /** The files being processed now, for progress reports. */
    public Set<Batch> open() {
        return Set.copyOf(open);
    }

    /** Files rejected since start, for {@code --once}'s exit code. */
    public int rejectedCount() {
        return rejected.get();
    }

    /** The outcome files' base name: kept in the journal, so a resumed run publishes under the name it began. */
    private String outcomeBase(Path journalDir, String inputName, String suffix) throws IOException {
        Path saved = journalDir.resolve("outcome-name");
        if (Files.exists(saved) && Files.exists(journalDir.resolve("journal.csv"))
                && Files.size(journalDir.resolve("journal.csv")) > 0) {
            return Files.readString(saved, StandardCharsets.UTF_8);
        }
        String base = outbox.claim(inputName, suffix);
        byte[] name = base.getBytes(StandardCharsets.UTF_8);
        outbox.durable().replace(saved, out -> out.write(name));
        return base;
    }

    /** A dry run's outcome files have this after the input's name: {@code pins.dry-run.results.csv}. */
    private static String outcomeSuffix(boolean dryRun) {
        return dryRun ? ".dry-run" : "";
    }

    private static String contentHash(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
