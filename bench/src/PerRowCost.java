import java.util.List;
import java.util.Map;

/**
 * 1. What a row costs: pindrop at full speed next to a bare HTTP loop, against the same kind of simulator.
 */
final class PerRowCost extends Measurement {

    PerRowCost(Map<String, String> options, Report report) {
        super(options, report);
    }

    @Override
    void measure() throws Exception {
        progress("1. per-row cost: %,d rows", costRows);
        Run pindrop;
        try (Proc sim = simulator("sim-cost", 0)) {
            pindrop = pindrop("cost", sim, costRows, "csv", Map.of("WEBEX_CONCURRENCY", "16", "WEBEX_RATE", "0"),
                    List.of());
        }
        Warm warm;
        try (Proc sim = simulator("sim-cost-warm", 0)) {
            warm = warmService("cost-warm", sim, costRows, Map.of("WEBEX_CONCURRENCY", "16", "WEBEX_RATE", "0"));
        }
        Loop loop;
        try (Proc sim = simulator("sim-loop", 0)) {
            loop = httpLoop("loop", sim, 16, costRows);
        }
        section("1. Per-row cost: %,d-row CSV, simulator latency 0, WEBEX_CONCURRENCY=16, WEBEX_RATE=0 (no limit)", costRows);
        line("  %-30s %12s %14s %16s %16s %14s  %s", "", "rows/s", "rows/s", "client CPU s", "client CPU s",
                "simulator CPU", "result");
        line("  %-30s %12s %14s %16s %16s %14s", "", "(processing)", "(wall, incl.", "/1k rows", "/1k rows",
                "s/1k rows");
        line("  %-30s %12s %14s %16s %16s %14s", "", "", "JVM start)", "(whole process)", "(processing)", "");
        line("  %-30s %12.0f %14.0f %16.3f %16.3f %14.3f  %s", "pindrop --once", pindrop.processingRate(),
                pindrop.wallRate(), pindrop.cpuTotal / costRows * 1000, pindrop.cpuProcessing() / costRows * 1000,
                pindrop.simCpu / costRows * 1000, pindrop.verdict(costRows));
        line("  %-30s %12.0f %14.0f %16s %16.3f %14.3f  %s", "pindrop service, 2nd file", costRows / warm.durationSeconds,
                costRows / warm.wallSeconds, "", warm.cpu / costRows * 1000, warm.simCpu / costRows * 1000,
                warm.ok + "/" + costRows + " SUCCESS");
        line("  %-30s %12.0f %14.0f %16.3f %16.3f %14.3f  %s", "bare HTTP loop, 16 threads", loop.rate(),
                costRows / loop.wallSeconds(), loop.cpuTotal() / costRows * 1000, loop.cpuLoop() / costRows * 1000,
                loop.simCpu() / costRows * 1000, loop.ok() + "/" + costRows + " SUCCESS");
        line("  %-30s %12.2f %14.2f %16.1f %16.1f %14.2f", "ratio pindrop / bare loop",
                pindrop.processingRate() / loop.rate(), pindrop.wallRate() / (costRows / loop.wallSeconds()),
                pindrop.cpuTotal / loop.cpuTotal(), pindrop.cpuProcessing() / loop.cpuLoop(), pindrop.simCpu / loop.simCpu());
        line("  processing = pindrop's summary durationSeconds (%.2f s): batch opened after the scan -> summary written;",
                pindrop.durationSeconds);
        line("    for the loop: first call -> last answer. wall = launch of `java -jar` -> summary.json present (%.2f s),",
                pindrop.wallSeconds());
        line("    for the loop: launch -> exit (%.2f s). client CPU: utime+stime from /proc/PID/stat; (processing) is the",
                loop.wallSeconds());
        line("    CPU from the \"Started hostpin\" log line to summary.json, for the loop its own CPU in the loop alone.");
        line("  service, 2nd file: `java -jar` running (JIT warm from a first file of the same size); wall = the file's");
        line("    rename into the inbox -> its summary.json (%.2f s: read lock and scan included), CPU over the same span.",
                warm.wallSeconds);
        line("  other processes on the machine (not pindrop, simulator, benchmark): %.1f CPU s during the pindrop run "
                + "(%.0f s), %.1f CPU s during the loop (%.0f s)", pindrop.foreignCpu, pindrop.foreignWindow,
                loop.foreignCpu(), loop.wallSeconds());
        double[] steady = pindrop.steadyCpuPer1k();
        line("  pindrop steady state, over its last 10 s progress interval: %.0f rows/s, %.3f CPU s/1k rows (simulator "
                + "%.3f); before that the JIT is still compiling (see the CPU split)", pindrop.steadyRate(), steady[0],
                steady[1]);
        line("  pindrop rows/s per 10 s progress interval: %s", pindrop.intervalRates());
        line("  pindrop wall split: JVM+Camel start %.2f s, first poll + read lock + account check + scan %.2f s, processing %.2f s, "
                + "exit %.2f s", pindrop.startUp(), pindrop.pickToOpen(), pindrop.durationSeconds, pindrop.exitAfterSummary());
        line("  pindrop CPU by thread: %s", pindrop.threadSplit());
        line("  target >= 5,000 rows/s on 2 cores, pindrop and simulator sharing them: a fresh --once %s (%.0f rows/s "
                + "processing), a running service %s (%.0f rows/s processing, %.0f file dropped -> outcome files)",
                pindrop.processingRate() >= 5000 ? "MET" : "MISSED", pindrop.processingRate(),
                costRows / warm.durationSeconds >= 5000 ? "MET" : "MISSED", costRows / warm.durationSeconds,
                costRows / warm.wallSeconds);
        int cores = Runtime.getRuntime().availableProcessors();
        line("  machine budget: pindrop + simulator use %.3f CPU s per 1k rows; the cores allow at most %.0f rows/s "
                + "at that cost (bare loop + simulator: %.3f s, %.0f rows/s)",
                (pindrop.cpuProcessing() + pindrop.simCpu) / costRows * 1000,
                cores * costRows / (pindrop.cpuProcessing() + pindrop.simCpu),
                (loop.cpuLoop() + loop.simCpu()) / costRows * 1000, cores * costRows / (loop.cpuLoop() + loop.simCpu()));
    }
}
