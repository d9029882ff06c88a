import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * pindrop's benchmark: runs {@code java -jar target/pindrop.jar --once} as its own process against the Webex
 * simulator (its own process too) on 127.0.0.1, and prints a table. Started by bench/run.sh, which builds the jar
 * and compiles this folder; see bench/README.md for what each figure means.
 *
 * <pre>java -cp CLASSES:target/pindrop.jar:fastexcel.jar:opczip.jar Bench --work DIR [--quick] [--only 1,3] [--jfr DIR]
 *     [--monday-morning [--monday-rows 900,2100] [--old-project DIR]]</pre>
 */
public final class Bench {

    private final Map<String, String> options;
    private final Set<Integer> only;
    private final Report report = new Report();

    private Bench(Map<String, String> options) {
        this.options = options;
        only = options.containsKey("only")
                ? Arrays.stream(options.get("only").split(",")).map(String::trim).map(Integer::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new))
                : options.containsKey("monday-morning") ? Set.of() : Set.of(1, 2, 3, 4, 5);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("quick") || key.equals("monday-morning")) {
                options.put(key, "");
            } else {
                options.put(key, args[++i]);
            }
        }
        new Bench(options).run();
    }

    /** Each measurement asked for (--only), in its number's order: one file each. */
    private void run() throws Exception {
        Instant began = Instant.now();
        if (options.containsKey("jfr")) {
            Files.createDirectories(Path.of(options.get("jfr")));
        }
        header();
        if (options.containsKey("monday-morning")) {
            // a scenario of its own, measured in wall time: not one of the numbered measurements
            new MondayMorning(options, report).measure();
        }
        if (only.contains(1)) {
            new PerRowCost(options, report).measure();
        }
        if (only.contains(2)) {
            new LatencyHiding(options, report).measure();
        }
        if (only.contains(3)) {
            new ThrottleAccuracy(options, report).measure();
        }
        if (only.contains(4)) {
            new MemoryUse(options, report).measure();
        }
        if (only.contains(5)) {
            new StartUp(options, report).measure();
        }
        report.line("");
        report.line("benchmark run time: %.0f s (of which %.0f s waiting for other processes to let the machine be)",
                Duration.between(began, Instant.now()).toMillis() / 1000.0, report.quietWaited);
        System.out.println();
        System.out.print(report.table());
    }

    private void header() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        String java = ProcFs.capture(List.of("java", "-version")).lines().collect(Collectors.joining("; "));
        String nproc = ProcFs.capture(List.of("nproc")).trim();
        String project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize().toString();
        String commit = ProcFs.capture(List.of("git", "-C", project, "log", "-1", "--format=%h %s")).trim();
        report.line("pindrop benchmark, %s mode, %s", options.containsKey("quick") ? "QUICK" : "full", Instant.now().toString().substring(0, 19) + "Z");
        report.line("machine: nproc %s, %s, %.1f GiB RAM", nproc, model, memKb / 1024.0 / 1024.0);
        report.line("java:    %s", java);
        report.line("pindrop: %s (target/pindrop.jar)", commit);
        if (options.containsKey("pindrop-jvm")) {
            report.line("pindrop JVM options (--pindrop-jvm): %s", options.get("pindrop-jvm").trim());
        }
        report.line("all traffic on 127.0.0.1; simulator: java -cp target/pindrop.jar pindrop.simulator.WebexSimulator, its own process");
    }
}
