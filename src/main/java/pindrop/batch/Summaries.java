package pindrop.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields every summary starts with, completed or rejected; the schema is documented in the README. */
final class Summaries {

    private Summaries() {
    }

    static Map<String, Object> completed(String input, String job, boolean dryRun, boolean simulated, Instant started,
            Instant finished) {
        return start(input, job, dryRun, "COMPLETED", simulated, started, finished);
    }

    static Map<String, Object> rejected(String input, String job, boolean dryRun, String reason, boolean simulated,
            Instant at) {
        Map<String, Object> summary = start(input, job, dryRun, "REJECTED", simulated, at, at);
        summary.put("reason", reason);
        return summary;
    }

    private static Map<String, Object> start(String input, String job, boolean dryRun, String status,
            boolean simulated, Instant started, Instant finished) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", input);
        summary.put("job", job);
        summary.put("dryRun", dryRun);
        summary.put("status", status);
        summary.put("simulated", simulated);
        summary.put("started", started.toString());
        summary.put("finished", finished.toString());
        summary.put("durationSeconds", Duration.between(started, finished).toMillis() / 1000.0);
        return summary;
    }
}
