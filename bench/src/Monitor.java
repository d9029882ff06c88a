import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Samples a process from /proc until it exits: CPU, peak and current RSS, threads, and when a file appears. */
final class Monitor {
    private final Proc proc;
    private final Path summary;
    private final long simPid;
    long summaryNs;
    long exitNs;
    double cpu;
    double cpuAtSummary;
    double simCpuAtSummary;
    long hwmKb;
    int maxConnections;
    /** CPU seconds the machine spent on processes other than this one, the simulator and the benchmark. */
    double foreignCpu;
    double windowSeconds;
    private double busy0;
    private double self0;
    private double sim0;
    private long t0;
    final List<long[]> rss = new ArrayList<>();
    /** {ns, client CPU s, simulator CPU s} at every poll. */
    final List<double[]> cpuSamples = new ArrayList<>();
    Map<String, Double> threads = Map.of();
    private int simPort = -1;

    Monitor(Proc proc, Path summary, long simPid) {
        this.proc = proc;
        this.summary = summary;
        this.simPid = simPid;
    }

    /** Also count the established TCP connections to this port (the simulator's), keeping the peak. */
    Monitor connectionsTo(int port) {
        simPort = port;
        return this;
    }

    void watch(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        busy0 = ProcFs.machineBusySeconds();
        self0 = ProcFs.selfCpuSeconds();
        sim0 = ProcFs.cpuSeconds(simPid);
        t0 = System.nanoTime();
        while (proc.process.isAlive()) {
            if (System.nanoTime() > deadline) {
                proc.process.destroyForcibly();
                throw new IllegalStateException(proc.name + " did not finish within " + timeout);
            }
            long now = System.nanoTime();
            double c = ProcFs.cpuSeconds(proc.pid);
            if (c >= 0) {
                cpu = c;
                cpuSamples.add(new double[] {now, c, ProcFs.cpuSeconds(simPid)});
            }
            long[] mem = ProcFs.memoryKb(proc.pid);
            if (mem != null) {
                hwmKb = Math.max(hwmKb, mem[0]);
                rss.add(new long[] {now, mem[1]});
            }
            if (simPort > 0 && polls % 4 == 0) {
                maxConnections = Math.max(maxConnections, ProcFs.establishedTo(simPort));
            }
            if (polls++ % 10 == 0) {
                Map<String, Double> t = ProcFs.threadCpu(proc.pid);
                if (!t.isEmpty()) {
                    threads = t;
                }
            }
            if (summaryNs == 0 && summary != null && Files.exists(summary)) {
                summaryNs = now;
                cpuAtSummary = cpu;
                simCpuAtSummary = ProcFs.cpuSeconds(simPid);
                foreign(now);
                threads = Map.of();
                Map<String, Double> t = ProcFs.threadCpu(proc.pid);
                if (!t.isEmpty()) {
                    threads = t;
                }
            }
            Thread.sleep(50);
        }
        exitNs = System.nanoTime();
        proc.process.waitFor();
        proc.drain();
        if (summary == null) {
            simCpuAtSummary = ProcFs.cpuSeconds(simPid);
            summaryNs = exitNs;
            foreign(exitNs);
        }
    }

    private void foreign(long now) {
        foreignCpu = Math.max(0, ProcFs.machineBusySeconds() - busy0 - cpu - (ProcFs.cpuSeconds(simPid) - sim0)
                - (ProcFs.selfCpuSeconds() - self0));
        windowSeconds = (now - t0) / 1e9;
    }
}
