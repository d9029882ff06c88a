package pindrop.batch;

import java.time.Duration;
import java.util.Optional;

/** How fast a file in progress goes: rows per second since it opened, and how long the rest takes at that rate. */
public record Pace(double rowsPerSecond, Optional<Duration> eta) {

    public static Pace of(Batch batch) {
        long done = batch.done();
        double seconds = Math.max(0.001, batch.elapsed().toMillis() / 1000.0);
        double rate = done / seconds;
        long left = batch.rowCount() - done;
        return new Pace(rate, rate > 0 ? Optional.of(Duration.ofSeconds((long) (left / rate))) : Optional.empty());
    }

    /** A duration as a progress line shows it: 1h05m, or 3m07s under an hour. */
    public static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
