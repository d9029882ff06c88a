import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What /proc tells about a process and the machine: CPU, memory, threads, connections. */
final class ProcFs {

    private static final long CLOCK_TICKS = clockTicks();

    private ProcFs() {
    }

    /** utime + stime of a process in seconds, or -1 once it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy CPU seconds of the whole machine since boot, all cores: user, nice, system, irq, softirq, steal. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double selfCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** VmHWM and VmRSS in kB, or null once the process is gone. */
    static long[] memoryKb(long pid) {
        try {
            long hwm = 0;
            long rss = 0;
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
            return new long[] {hwm, rss};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Established TCP connections (IPv4 and IPv6) whose remote end is 127.0.0.1:{@code port}: the clients' side. */
    static int establishedTo(int port) {
        String hexPort = String.format(":%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String l : Files.readAllLines(Path.of(table))) {
                    String[] f = l.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(hexPort) && f[3].equals("01")) {
                        count++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table
            }
        }
        return count;
    }

    /** CPU seconds of each live thread by its name (the first 15 characters, as the kernel keeps it). */
    static Map<String, Double> threadCpu(long pid) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
                    out.merge(name + "#" + task.getFileName(), cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return out;
    }

    private static long clockTicks() {
        try {
            return Long.parseLong(capture(List.of("getconf", "CLK_TCK")).trim());
        } catch (Exception e) {
            return 100;
        }
    }

    static String capture(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
