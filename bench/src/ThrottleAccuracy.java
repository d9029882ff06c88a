import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 3. Throttle accuracy: WEBEX_RATE=50, arrival times as the simulator saw them.
 */
final class ThrottleAccuracy extends Measurement {

    ThrottleAccuracy(Map<String, String> options, Report report) {
        super(options, report);
    }

    @Override
    void measure() throws Exception {
        int cap = 50;
        progress("3. throttle: WEBEX_RATE=%d, %,d rows", cap, throttleRows);
        Run run;
        List<long[]> calls = new ArrayList<>();
        try (Proc sim = benchSimulator("sim-throttle", 0)) {
            run = pindrop("throttle", sim, throttleRows, "csv",
                    Map.of("WEBEX_CONCURRENCY", "16", "WEBEX_RATE", Integer.toString(cap)), List.of());
            Path arrivals = work.resolve("throttle-arrivals.txt");
            sim.send("arrivals " + arrivals);
            sim.waitForLine("ARRIVALS ", Duration.ofSeconds(60));
            for (String l : Files.readAllLines(arrivals)) {
                String[] f = l.split(" ");
                calls.add(new long[] {Long.parseLong(f[0]), f[1].equals("SetUser") ? 1 : 0});
            }
        }
        long[] all = calls.stream().mapToLong(c -> c[0]).sorted().toArray();
        long[] setUser = calls.stream().filter(c -> c[1] == 1).mapToLong(c -> c[0]).sorted().toArray();
        long[] worst = worstWindow(all, 1_000_000);
        long steadyFrom = setUser[0] + 5_000_000;
        long[] steady = worstWindow(Arrays.stream(all).filter(t -> t >= steadyFrom).toArray(), 1_000_000);
        int maxAll = (int) worst[0];
        double achieved = (setUser.length - 1) / ((setUser[setUser.length - 1] - setUser[0]) / 1e6);
        section("3. Throttle accuracy: WEBEX_RATE=%d per webex.rate-period-ms=1000 (the default), %,d rows, "
                + "WEBEX_CONCURRENCY=16, latency 0", cap, throttleRows);
        line("  calls seen by the simulator: %,d (%,d SetUser + %d GetUser account check); %s", all.length,
                setUser.length, all.length - setUser.length, run.verdict(throttleRows));
        line("  achieved SetUser rate, first -> last arrival: %.2f calls/s (cap %d/s)", achieved, cap);
        line("  rows/s by summary durationSeconds: %.2f", run.processingRate());
        line("  largest count in any 1 s window (sliding over arrival times, all calls): %d, in the window starting "
                + "%.2f s after the first SetUser", maxAll, (worst[1] - setUser[0]) / 1e6);
        line("    after the first 5 s: %d", steady[0]);
        line("  target never above the cap (%d in any 1 s): %s", cap, maxAll <= cap ? "MET" : "MISSED");
    }
    /** {largest count of times in any window [t, t + window), its t}, over sorted times. */
    static long[] worstWindow(long[] sortedMicros, long windowMicros) {
        long[] worst = {0, 0};
        int j = 0;
        for (int i = 0; i < sortedMicros.length; i++) {
            while (j < sortedMicros.length && sortedMicros[j] < sortedMicros[i] + windowMicros) {
                j++;
            }
            if (j - i > worst[0]) {
                worst[0] = j - i;
                worst[1] = sortedMicros[i];
            }
        }
        return worst;
    }
}
