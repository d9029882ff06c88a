package pindrop.batch;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.AccountPool;

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
        Pace pace = Pace.of(batch);
        String counts = batch.counts().entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                .collect(Collectors.joining(", "));
        String account = pool.view().stream().filter(AccountPool.View::takesCalls)
                .findFirst().map(v -> "account " + v.id() + " (" + v.callsLeft() + " calls left)")
                .orElse("no account ready");
        String eta = pace.eta().map(Pace::format).orElse("unknown");
        return String.format("%s: %d/%d rows (%s), %s, %.1f rows/s, ETA %s", batch.inputName(), batch.done(),
                batch.rowCount(), counts, account, pace.rowsPerSecond(), eta);
    }
}
