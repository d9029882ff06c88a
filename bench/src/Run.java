import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one pindrop run measured. Times are System.nanoTime() of this JVM. */
final class Run {
    int exit;
    long launchNs;
    long startedNs;
    long pickedNs;
    long summaryNs;
    long exitNs;
    double cpuAtStart;
    double cpuAtSummary;
    double cpuTotal;
    double simCpu;
    long hwmKb;
    int maxConnections;
    double foreignCpu;
    double foreignWindow;
    List<long[]> progress = List.of();
    List<double[]> cpuSamples = List.of();
    List<long[]> rss = List.of();
    Map<String, Double> threads = Map.of();
    double durationSeconds;
    int rows;
    final Map<String, Long> counts = new LinkedHashMap<>();
    List<double[]> gc = List.of();

    double processingRate() {
        return rows / durationSeconds;
    }

    /**
     * rows/s between the last two progress lines (pindrop logs rows done every 10 s): the rate once the JIT has
     * compiled the hot paths; NaN when the run logged fewer than two.
     */
    double steadyRate() {
        if (progress.size() < 2) {
            return Double.NaN;
        }
        long[] a = progress.get(progress.size() - 2);
        long[] b = progress.get(progress.size() - 1);
        return (b[1] - a[1]) / ((b[0] - a[0]) / 1e9);
    }

    /** {pindrop, simulator} CPU seconds per 1,000 rows between the last two progress lines; NaN without two. */
    double[] steadyCpuPer1k() {
        if (progress.size() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long[] a = progress.get(progress.size() - 2);
        long[] b = progress.get(progress.size() - 1);
        double[] ca = sampleAt(a[0]);
        double[] cb = sampleAt(b[0]);
        double rows = b[1] - a[1];
        return new double[] {(cb[1] - ca[1]) / rows * 1000, (cb[2] - ca[2]) / rows * 1000};
    }

    private double[] sampleAt(long ns) {
        double[] last = cpuSamples.get(0);
        for (double[] sample : cpuSamples) {
            if (sample[0] > ns) {
                break;
            }
            last = sample;
        }
        return last;
    }

    String intervalRates() {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < progress.size(); i++) {
            long[] a = progress.get(i - 1);
            long[] b = progress.get(i);
            out.append(i > 1 ? ", " : "").append(Math.round((b[1] - a[1]) / ((b[0] - a[0]) / 1e9)));
        }
        return out.toString();
    }

    double wallSeconds() {
        return (summaryNs - launchNs) / 1e9;
    }

    double wallRate() {
        return rows / wallSeconds();
    }

    double startUp() {
        return (startedNs - launchNs) / 1e9;
    }

    double pickToOpen() {
        return (pickedNs - startedNs) / 1e9;
    }

    double exitAfterSummary() {
        return (exitNs - summaryNs) / 1e9;
    }

    double cpuProcessing() {
        return cpuAtSummary - cpuAtStart;
    }

    boolean countsAddUp(int expected) {
        return rows == expected && counts.values().stream().mapToLong(Long::longValue).sum() == expected;
    }

    String verdict(int expected) {
        long success = counts.getOrDefault("SUCCESS", 0L);
        return "exit " + exit + ", " + success + "/" + expected + " SUCCESS"
                + (countsAddUp(expected) ? "" : ", COUNTS DO NOT ADD UP " + counts);
    }

    /** CPU seconds per thread group, from /proc/PID/task just before exit (threads that ended are "gone"). */
    String threadSplit() {
        Map<String, Double> groups = new LinkedHashMap<>();
        threads.forEach((thread, cpu) -> groups.merge(group(thread), cpu, Double::sum));
        double listed = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        groups.merge("threads gone before exit", Math.max(0, cpuTotal - listed), Double::sum);
        return groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + String.format(" (total %.1f s)", cpuTotal);
    }

    private static String group(String thread) {
        if (thread.startsWith("C2 Compiler") || thread.startsWith("C1 Compiler")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
            return "GC + VM";
        }
        if (thread.startsWith("Camel")) {
            return "Camel threads (routes, split, HTTP)";
        }
        return "other";
    }

    /** VmRSS in MiB at 25, 50, 75 and 100 % of the processing time (batch open to summary). */
    long[] rssQuarters() {
        long end = summaryNs;
        long start = end - (long) (durationSeconds * 1e9);
        long[] out = new long[4];
        for (int q = 1; q <= 4; q++) {
            long at = start + (end - start) * q / 4;
            for (long[] sample : rss) {
                if (sample[0] <= at) {
                    out[q - 1] = sample[1] / 1024;
                }
            }
        }
        return out;
    }

    /**
     * The lowest heap after a collection (MiB) in the first and second half of processing, by JVM uptime: the
     * floor of G1's saw-tooth, which is the live data plus what young collections promoted since the last mixed
     * one. A leak raises it; the creep between mixed collections does not, as the next mixed one takes it back.
     */
    double[] heapAfterGcHalves() {
        double end = (summaryNs - launchNs) / 1e9;
        double start = end - durationSeconds;
        double mid = (start + end) / 2;
        double first = Double.NaN;
        double second = Double.NaN;
        for (double[] g : gc) {
            if (g[0] >= start && g[0] < mid) {
                first = Double.isNaN(first) ? g[1] : Math.min(first, g[1]);
            } else if (g[0] >= mid && g[0] <= end) {
                second = Double.isNaN(second) ? g[1] : Math.min(second, g[1]);
            }
        }
        return new double[] {first, second};
    }
}
