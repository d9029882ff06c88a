package pindrop.batch;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.AccountPool;
import pindrop.outcome.Status;

/** A line per file in progress: rows done of total, per status, the account in use and its calls left, rate, ETA. */
public final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final Batches batches;
    private final AccountPool pool;

    public ProgressLog(Batches batches, AccountPool pool) {
        this.batches = batches;
        this.pool = pool;
    }

    public void log() {
        for (Batch batch : batches.open()) {
            LOG.info(line(batch));
        }
    }

    String line(Batch batch) {
        long done = batch.done();
        double seconds = Math.max(0.001, batch.elapsed().toMillis() / 1000.0);
        double rate = done / seconds;
        String counts = Arrays.stream(Status.values()).map(s -> s + " " + batch.count(s))
                .collect(Collectors.joining(", "));
        String account = pool.view().stream().filter(v -> v.state() == AccountPool.State.READY && v.callsLeft() > 0)
                .findFirst().map(v -> "account " + v.id() + " (" + v.callsLeft() + " calls left)")
                .orElse("no account ready");
        long left = batch.rowCount() - done;
        String eta = rate > 0 ? format(Duration.ofSeconds((long) (left / rate))) : "unknown";
        return String.format("%s: %d/%d rows (%s), %s, %.1f rows/s, ETA %s", batch.inputName(), done,
                batch.rowCount(), counts, account, rate, eta);
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
