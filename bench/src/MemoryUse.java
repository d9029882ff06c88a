import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 4. Memory: a large CSV and a large XLSX at -Xmx256m must complete, with memory that does not grow with rows.
 */
final class MemoryUse extends Measurement {

    MemoryUse(Map<String, String> options, Report report) {
        super(options, report);
    }

    @Override
    void measure() throws Exception {
        String format = "  %-14s %5s %9s %9s %20s %18s %10s %10s %10s";
        List<Object[]> lines = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        boolean completes = true;
        boolean flat = true;
        for (String kind : List.of("csv", "xlsx")) {
            int n = kind.equals("csv") ? memoryCsvRows : memoryXlsxRows;
            progress("4. memory: %s, %,d rows", kind, n);
            Run run;
            try (Proc sim = simulator("sim-memory-" + kind, 0)) {
                Path gcLog = work.resolve("gc-memory-" + kind + ".log");
                run = pindrop("memory-" + kind, sim, n, kind,
                        Map.of("WEBEX_CONCURRENCY", "16", "WEBEX_RATE", "0"),
                        List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog));
                run.gc = GcLog.read(gcLog);
            }
            completes &= run.exit == 0 && run.countsAddUp(n);
            foreign.add(String.format("%.1f CPU s in the %s run (%.0f s)", run.foreignCpu, kind.toUpperCase(Locale.ROOT),
                    run.foreignWindow));
            double[] heap = run.heapAfterGcHalves();
            long[] rss = run.rssQuarters();
            // flat: the heap floor of the second half no higher than the first's (10 % or 8 MiB of slack). RSS is
            // shown, not judged: it follows what G1 commits of the -Xmx256m heap, not the rows
            flat &= heap[1] <= heap[0] * 1.1 + 8;
            lines.add(new Object[] {kind.toUpperCase(Locale.ROOT) + " " + String.format("%,d", n), run.exit,
                    run.countsAddUp(n) ? "yes" : "NO", String.format("%.0f MiB", run.hwmKb / 1024.0),
                    String.format("%d/%d/%d/%d", rss[0], rss[1], rss[2], rss[3]),
                    String.format("%.0f / %.0f MiB", heap[0], heap[1]), fmt(run.processingRate(), 0),
                    fmt(run.steadyRate(), 0), fmt(run.wallRate(), 0)});
        }
        section("4. Memory: java -Xmx256m -jar target/pindrop.jar --once, latency 0, WEBEX_CONCURRENCY=16, "
                + "WEBEX_RATE=0 (no limit)");
        line(format, "input", "exit", "counts", "peak RSS", "RSS at 25/50/75/100%", "heap after GC,", "rows/s",
                "rows/s", "rows/s");
        line(format, "", "", "add up", "(VmHWM)", "of processing, MiB", "floor 1st/2nd half", "(processing)",
                "(steady)", "(wall)");
        for (Object[] l : lines) {
            line(format, l);
        }
        line("  heap after GC: the lowest heap after a G1 collection (-Xlog:gc, Pause Young/Full) in each half of processing:");
        line("    the live data plus promoted garbage a mixed collection has not taken back yet; flat = not higher later.");
        line("    steady: rows/s over the last 10 s progress interval.");
        line("  other processes on the machine: %s", String.join(", ", foreign));
        line("  target completes, with flat memory: %s", completes && flat ? "MET"
                : "MISSED (" + (completes ? "" : "a run did not complete; ") + (flat ? "" : "memory grows") + ")");
    }
}
