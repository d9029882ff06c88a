import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 2. Latency hiding: rows/s at 100 ms per call against concurrency / latency, and a one-after-the-other client.
 */
final class LatencyHiding extends Measurement {

    LatencyHiding(Map<String, String> options, Report report) {
        super(options, report);
    }

    @Override
    void measure() throws Exception {
        int latencyMs = 100;
        int[] concurrencies = {1, 8, 32};
        String format = "  %-13s %6s %12s %6s %8s %7s %12s %11s %11s  %s";
        List<Object[]> rows = new ArrayList<>();
        Loop seq = null;
        try (Proc sim = simulator("sim-latency", latencyMs)) {
            for (int c : concurrencies) {
                int n = c == 1 ? latencyRowsC1 : latencyRows;
                progress("2. latency hiding: concurrency %d, %,d rows", c, n);
                Map<String, String> env = Map.of("WEBEX_CONCURRENCY", Integer.toString(c), "WEBEX_RATE", "0");
                Run run;
                Loop bare = null;
                if (c == 1) {
                    // the sequential client runs alongside pindrop at concurrency 1: both wait on the latency, not
                    // on CPU (10 calls/s each), and the run takes half as long
                    LoopRunner sequential = new LoopRunner("sequential", sim, 1, n);
                    sequential.start();
                    run = pindrop("latency-c" + c, sim, n, "csv", env, List.of());
                    seq = sequential.await();
                } else {
                    run = pindrop("latency-c" + c, sim, n, "csv", env, List.of());
                    bare = httpLoop("bare-c" + c, sim, c, Math.max(c * 20, n / 2));
                }
                rows.add(new Object[] {c, n, run, bare});
            }
        }
        section("2. Latency hiding: simulator latency %d ms, WEBEX_RATE=0 (no limit)", latencyMs);
        line(format, "concurrency", "rows", "rows/s", "bound", "% of", "peak", "bare loop,", "x naive", "x bare",
                "result");
        line(format, "", "", "(processing)", "", "bound", "conns", "same conc.", "sequential", "loop", "");
        boolean met = true;
        for (Object[] r : rows) {
            int c = (Integer) r[0];
            Run run = (Run) r[2];
            Loop bare = (Loop) r[3];
            double bound = c * 1000.0 / latencyMs;
            double percent = 100 * run.processingRate() / bound;
            met &= percent >= 90;
            line(format, c, r[1], fmt(run.processingRate(), 1), fmt(bound, 0), fmt(percent, 1),
                    run.maxConnections, bare == null ? "-" : fmt(bare.rate(), 1),
                    fmt(run.processingRate() / seq.rate(), 1),
                    bare == null ? "-" : fmt(run.processingRate() / bare.rate(), 2), run.verdict((Integer) r[1]));
        }
        line("  naive sequential client (HttpLoop, 1 thread, one call after the other, %d rows, run alongside "
                + "concurrency 1): %.2f rows/s", seq.rows(), seq.rate());
        double callMs = 1000 / seq.rate();
        line("  one call takes the naive client %.1f ms (latency %d ms plus HTTP and the simulator's own work): no "
                + "client can get above %.1f%% of the bound", callMs, latencyMs, 100 * latencyMs / callMs);
        line("  bound = concurrency / latency; processing = summary durationSeconds (JVM start, read lock and scan "
                + "excluded);");
        line("  peak conns = most established TCP connections to the simulator port (/proc/net/tcp; at concurrency 1 "
                + "it includes the sequential client's)");
        line("  target >= 90%% of the bound at every concurrency: %s", met ? "MET" : "MISSED");
    }
}
