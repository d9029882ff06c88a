package pindrop.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import pindrop.account.AccountPlan;
import pindrop.outcome.HtmlReport;
import pindrop.outcome.Outbox;
import pindrop.outcome.OutcomeJournal;
import pindrop.outcome.Outcome;
import pindrop.outcome.ResultsWriter;
import pindrop.outcome.Status;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetReader;
import pindrop.spreadsheet.SpreadsheetRow;
import pindrop.webex.SiteFailureBreaker;

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
    private final OutcomeJournal journal;
    private final OutcomeJournal.Resume resume;
    private final Optional<AccountPlan> dryRunPlan;
    private volatile String interruptedBecause;
    private volatile String siteFailure;
    private int rowsInFlight;
    private final int window;
    /** Rows answered a code that may be the site's failure, by index, until their streak is decided. */
    private final Map<Long, Undecided> undecided = new HashMap<>();

    private record Undecided(Outcome answered, SiteFailureBreaker.Streak streak) {
    }

    /** A dry run's batch has the plan of which account would take which row; a real run's has none. */
    Batch(Path input, String inputName, String job, Optional<AccountPlan> dryRunPlan, Scan scan, Outbox outbox,
            boolean simulated, int window, OutcomeJournal journal, String base) throws IOException {
        this.input = input;
        this.inputName = inputName;
        this.job = job;
        this.dryRunPlan = dryRunPlan;
        this.scan = scan;
        this.outbox = outbox;
        this.simulated = simulated;
        this.journal = journal;
        this.resume = journal.resume();
        this.base = base;
        this.resultsStaged = outbox.staging(base + ".results.csv");
        this.retryStaged = outbox.staging(base + ".retry.csv");
        this.writer = new ResultsWriter(resultsStaged, retryStaged, scan.header(), window);
        this.window = window;
        for (Status s : Status.values()) {
            counts.put(s, new LongAdder());
        }
    }

    public String inputName() {
        return inputName;
    }

    public String job() {
        return job;
    }

    public boolean dryRun() {
        return dryRunPlan.isPresent();
    }

    /** In a dry run, the account the next row to be sent would go out on; empty once no account has budget left. */
    public Optional<String> plannedAccount() {
        return dryRunPlan.flatMap(AccountPlan::next);
    }

    /** In a dry run, why a row has no planned account. */
    public String whyNoPlannedAccount() {
        return dryRunPlan.map(AccountPlan::whyNone).orElse("");
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

    /** The data rows, read afresh from the file, until the batch is interrupted; the caller closes them. */
    public Iterator<SpreadsheetRow> rows() throws RejectedFileException {
        return new InterruptibleRows(SpreadsheetReader.open(input), () -> interruptedBecause != null, this::rowStarted);
    }

    /** How many rows of an earlier, interrupted run of this content are done already. */
    public int resumedRows() {
        return resume.done().size();
    }

    /** The outcome an interrupted run gave the row at {@code index}, if it finished it. */
    public Optional<Outcome> resumed(long index) {
        return Optional.ofNullable(resume.done().get(index));
    }

    /** Calls an interrupted run made for a row it did not finish: they count in the row's attempts. */
    public int earlierCalls(long index) {
        return resume.calls().getOrDefault(index, 0);
    }

    /** A row is handed to the route; {@link #record} ends it. */
    private synchronized void rowStarted() {
        rowsInFlight++;
    }

    /** Journals a call before it goes out. */
    public void callStarting(long index) {
        try {
            journal.callStarting(index);
        } catch (IOException e) {
            interrupt("the journal in the state folder cannot be written (" + e.getMessage() + ")");
        }
    }

    /** Records a row's outcome: journaled first (unless it came from the journal), then written in order. */
    public void record(long index, Outcome outcome, boolean fromJournal) throws InterruptedException {
        try {
            recordOnce(index, outcome, fromJournal);
            recordDecided(index, false);
        } finally {
            rowEnded();
        }
    }

    /**
     * Records a row whose answer was a code that is no verdict on the row, once its {@code streak} is decided:
     * DEFERRED (in the retry file) when the whole site answered it, as answered when the row's own. Until then
     * it waits here, not in a thread; a row recorded later, or the end of the file, decides.
     */
    public void recordWhenDecided(long index, Outcome answered, SiteFailureBreaker.Streak streak)
            throws InterruptedException {
        try {
            synchronized (undecided) {
                undecided.put(index, new Undecided(answered, streak));
            }
            recordDecided(index, false);
        } finally {
            rowEnded();
        }
    }

    /** The file's end: its undecided rows are written as the breaker sees their streak now. */
    public void settleUndecided() throws InterruptedException {
        recordDecided(Long.MAX_VALUE, true);
    }

    /** The whole site failed while this file ran: its summary says so. */
    public void siteFailed(String why) {
        siteFailure = why;
    }

    private synchronized void rowEnded() {
        rowsInFlight--;
        notifyAll();
    }

    /**
     * Writes the undecided rows whose streak is decided; with {@code all} (the file's end) every one, as the
     * breaker sees it now. A row undecided far behind {@code index} is written as answered, so the in-order
     * writer never waits on it for room.
     */
    private void recordDecided(long index, boolean all) throws InterruptedException {
        List<Map.Entry<Long, Undecided>> ready = new ArrayList<>();
        synchronized (undecided) {
            for (Iterator<Map.Entry<Long, Undecided>> it = undecided.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Long, Undecided> row = it.next();
                if (all || row.getValue().streak().siteFailed().isPresent() || index - row.getKey() >= window / 2) {
                    ready.add(row);
                    it.remove();
                }
            }
        }
        for (Map.Entry<Long, Undecided> row : ready) {
            Undecided u = row.getValue();
            Outcome answered = u.answered();
            if (u.streak().siteFailed().orElse(false)) {
                siteFailed(u.streak().siteFailure());
                recordOnce(row.getKey(), new Outcome(answered.row(), answered.webExId(), Status.DEFERRED,
                        answered.exceptionId(), u.streak().siteFailure(), answered.account(), answered.attempts(),
                        answered.input()), false);
            } else {
                recordOnce(row.getKey(), answered, false);
            }
        }
    }

    private void recordOnce(long index, Outcome outcome, boolean fromJournal) throws InterruptedException {
        try {
            if (!fromJournal) {
                journal.done(index, outcome);
            }
            writer.add(index, outcome);
        } catch (IOException e) {
            interrupt("the outcome files cannot be written (" + e.getMessage() + ")");
            return;
        }
        counts.get(outcome.status()).increment();
        if (!outcome.account().isEmpty()) {
            accounts.add(outcome.account());
        }
    }

    /** No further row starts; rows in flight finish and are journaled; nothing is published. */
    public void interrupt(String why) {
        if (interruptedBecause == null) {
            interruptedBecause = why;
        }
    }

    /** Why the batch stopped before its end; empty when it ran (or runs) to the end. */
    public Optional<String> interruptedBecause() {
        return Optional.ofNullable(interruptedBecause);
    }


    public long done() {
        return writer.written();
    }

    public long count(Status status) {
        return counts.get(status).sum();
    }

    /** Rows done so far by status, for each status this kind of run gives (a dry run's are VALID, INVALID, ERROR). */
    public Map<String, Long> counts() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Status.of(dryRun()).forEach(status -> byStatus.put(status.name(), count(status)));
        return byStatus;
    }

    /**
     * Closes the journal of an interrupted batch for the next start to resume, once the rows in flight are
     * journaled: Camel's splitter ends early when Camel stops, while their calls are still out.
     */
    public void suspend(Duration rowsInFlightMayTake) throws IOException, InterruptedException {
        long giveUpAt = System.nanoTime() + rowsInFlightMayTake.toNanos();
        synchronized (this) {
            while (rowsInFlight > 0 && System.nanoTime() < giveUpAt) {
                wait(Math.max(1, (giveUpAt - System.nanoTime()) / 1_000_000));
            }
        }
        journal.close();
    }

    /**
     * Publishes results, retry and, last, the summary; returns the summary. A batch whose DEFERRED rows are
     * still to be sent keeps its journal open, so the next run of its input sends only those.
     */
    public Map<String, Object> finish(Optional<Instant> accountsBack, boolean rowsStillToSend)
            throws IOException, InterruptedException {
        settleUndecided();
        writer.close();
        if (writer.written() != scan.rows()) {
            // never publish a report that silently lacks rows: the file fails instead and is kept
            throw new IllegalStateException(inputName + ": " + writer.written() + " outcomes for " + scan.rows()
                    + " rows; the outcome files are not published");
        }
        outbox.publish(resultsStaged, base + ".results.csv");
        outbox.publish(retryStaged, base + ".retry.csv");
        Map<String, Object> summary = Summaries.completed(inputName, job, dryRun(), simulated, started,
                Instant.now());
        summary.put("rows", scan.rows());
        summary.put("counts", counts());
        summary.put("accounts", accounts.stream().sorted().toList());
        summary.put("results", base + ".results.csv");
        summary.put("retry", base + ".retry.csv");
        summary.put("report", base + ".report.html");
        accountsBack.ifPresent(at -> summary.put("deferredUntil", at.toString()));
        if (siteFailure != null) {
            summary.put("siteFailure", siteFailure);
        }
        HtmlReport.write(outbox.dir().resolve(base + ".results.csv"), summary, outbox.dir().resolve(base + ".report.html"),
                outbox.durable());
        outbox.publishSummary(base, summary);
        // only once the whole set is on disk: a journal marked complete is never resumed
        if (!rowsStillToSend) {
            journal.complete();
        }
        journal.close();
        return summary;
    }

    /** Time since the batch opened, for progress lines. */
    public Duration elapsed() {
        return Duration.between(started, Instant.now());
    }
}
