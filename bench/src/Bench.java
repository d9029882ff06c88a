import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * pindrop's benchmark: runs {@code java -jar target/pindrop.jar --once} as its own process against the Webex
 * simulator (its own process too) on 127.0.0.1, and prints a table. Started by bench/run.sh, which builds the jar
 * and compiles this folder; see bench/README.md for what each figure means.
 *
 * <pre>java -cp CLASSES:target/pindrop.jar:fastexcel.jar:opczip.jar Bench --work DIR [--quick] [--only 1,3] [--jfr DIR]</pre>
 */
public final class Bench {

    static final String ADMIN_ID = "admin@acme.com";
    static final String ADMIN_PASSWORD = "pw";
    private static final String STARTED = "Started hostpin (file://";
    private static final Pattern PICKED = Pattern.compile(": \\d+ rows, user column");
    private static final Pattern PROGRESS = Pattern.compile("ProgressLog - .*: (\\d+)/\\d+ rows");
    private static final ObjectMapper JSON = new ObjectMapper();

    // sizes: full mode as the issue asks; --quick a fraction, same shape
    private final boolean quick;
    private final int costRows;
    private final int latencyRows;
    private final int latencyRowsC1;
    private final int throttleRows;
    private final int memoryCsvRows;
    private final int memoryXlsxRows;

    private final Path project;
    private final Path jar;
    private final Path work;
    private final Path jfrDir;
    /** --pindrop-jvm "OPTIONS": JVM options for every pindrop launch, to compare JVM settings (JIT, GC). */
    private final List<String> pindropJvm;
    private final Set<Integer> only;
    private final int quietWaitSeconds;
    private double quietWaited;
    private final String benchClasspath = System.getProperty("java.class.path");
    private final long clockTicks = clockTicks();
    private final List<Double> startUps = new ArrayList<>();
    private final StringBuilder table = new StringBuilder();

    private Bench(Map<String, String> options) {
        quick = options.containsKey("quick");
        costRows = size(options, "cost-rows", 100_000, 20_000);
        latencyRows = size(options, "latency-rows", 2_000, 400);
        // concurrency 1 at 100 ms is 10 rows/s whatever pindrop does: 2,000 rows would take 200 s there alone
        latencyRowsC1 = size(options, "latency-rows-c1", 400, 100);
        throttleRows = size(options, "throttle-rows", 3_000, 600);
        memoryCsvRows = size(options, "memory-csv-rows", 1_000_000, 100_000);
        memoryXlsxRows = size(options, "memory-xlsx-rows", 200_000, 40_000);
        project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        jar = project.resolve("target/pindrop.jar");
        work = Path.of(options.get("work")).toAbsolutePath();
        quietWaitSeconds = Integer.parseInt(options.getOrDefault("quiet-wait", "60"));
        jfrDir = options.containsKey("jfr") ? Path.of(options.get("jfr")).toAbsolutePath() : null;
        pindropJvm = options.containsKey("pindrop-jvm") ? List.of(options.get("pindrop-jvm").trim().split("\\s+"))
                : List.of();
        only = options.containsKey("only")
                ? Arrays.stream(options.get("only").split(",")).map(String::trim).map(Integer::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new))
                : Set.of(1, 2, 3, 4, 5);
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--monday-morning")) {
            MondayMorning.main(args);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("quick")) {
                options.put(key, "");
            } else {
                options.put(key, args[++i]);
            }
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        if (jfrDir != null) {
            Files.createDirectories(jfrDir);
        }
        header();
        if (only.contains(1)) {
            perRowCost();
        }
        if (only.contains(2)) {
            latencyHiding();
        }
        if (only.contains(3)) {
            throttle();
        }
        if (only.contains(4)) {
            memory();
        }
        if (only.contains(5)) {
            startUp();
        }
        line("");
        line("benchmark run time: %.0f s (of which %.0f s waiting for other processes to let the machine be)",
                Duration.between(began, Instant.now()).toMillis() / 1000.0, quietWaited);
        System.out.println();
        System.out.print(table);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the five measurements

    private void header() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        String java = capture(List.of("java", "-version")).lines().collect(Collectors.joining("; "));
        String nproc = capture(List.of("nproc")).trim();
        String commit = capture(List.of("git", "-C", project.toString(), "log", "-1", "--format=%h %s")).trim();
        line("pindrop benchmark, %s mode, %s", quick ? "QUICK" : "full", Instant.now().toString().substring(0, 19) + "Z");
        line("machine: nproc %s, %s, %.1f GiB RAM", nproc, model, memKb / 1024.0 / 1024.0);
        line("java:    %s", java);
        line("pindrop: %s (target/pindrop.jar)", commit);
        if (!pindropJvm.isEmpty()) {
            line("pindrop JVM options (--pindrop-jvm): %s", String.join(" ", pindropJvm));
        }
        line("all traffic on 127.0.0.1; simulator: java -cp target/pindrop.jar pindrop.simulator.WebexSimulator, its own process");
    }

    /** 1. What a row costs: pindrop at full speed next to a bare HTTP loop, against the same kind of simulator. */
    private void perRowCost() throws Exception {
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
                costRows / loop.wallSeconds, loop.cpuTotal / costRows * 1000, loop.cpuLoop / costRows * 1000,
                loop.simCpu / costRows * 1000, loop.ok + "/" + costRows + " SUCCESS");
        line("  %-30s %12.2f %14.2f %16.1f %16.1f %14.2f", "ratio pindrop / bare loop",
                pindrop.processingRate() / loop.rate(), pindrop.wallRate() / (costRows / loop.wallSeconds),
                pindrop.cpuTotal / loop.cpuTotal, pindrop.cpuProcessing() / loop.cpuLoop, pindrop.simCpu / loop.simCpu);
        line("  processing = pindrop's summary durationSeconds (%.2f s): batch opened after the scan -> summary written;",
                pindrop.durationSeconds);
        line("    for the loop: first call -> last answer. wall = launch of `java -jar` -> summary.json present (%.2f s),",
                pindrop.wallSeconds());
        line("    for the loop: launch -> exit (%.2f s). client CPU: utime+stime from /proc/PID/stat; (processing) is the",
                loop.wallSeconds);
        line("    CPU from the \"Started hostpin\" log line to summary.json, for the loop its own CPU in the loop alone.");
        line("  service, 2nd file: `java -jar` running (JIT warm from a first file of the same size); wall = the file's");
        line("    rename into the inbox -> its summary.json (%.2f s: read lock and scan included), CPU over the same span.",
                warm.wallSeconds);
        line("  other processes on the machine (not pindrop, simulator, benchmark): %.1f CPU s during the pindrop run "
                + "(%.0f s), %.1f CPU s during the loop (%.0f s)", pindrop.foreignCpu, pindrop.foreignWindow,
                loop.foreignCpu, loop.wallSeconds);
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
                (loop.cpuLoop + loop.simCpu) / costRows * 1000, cores * costRows / (loop.cpuLoop + loop.simCpu));
    }

    /** 2. Latency hiding: rows/s at 100 ms per call against concurrency / latency, and a one-after-the-other client. */
    private void latencyHiding() throws Exception {
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
                + "concurrency 1): %.2f rows/s", seq.rows, seq.rate());
        double callMs = 1000 / seq.rate();
        line("  one call takes the naive client %.1f ms (latency %d ms plus HTTP and the simulator's own work): no "
                + "client can get above %.1f%% of the bound", callMs, latencyMs, 100 * latencyMs / callMs);
        line("  bound = concurrency / latency; processing = summary durationSeconds (JVM start, read lock and scan "
                + "excluded);");
        line("  peak conns = most established TCP connections to the simulator port (/proc/net/tcp; at concurrency 1 "
                + "it includes the sequential client's)");
        line("  target >= 90%% of the bound at every concurrency: %s", met ? "MET" : "MISSED");
    }

    /** 3. Throttle accuracy: WEBEX_RATE=50, arrival times as the simulator saw them. */
    private void throttle() throws Exception {
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

    /** 4. Memory: a large CSV and a large XLSX at -Xmx256m must complete, with memory that does not grow with rows. */
    private void memory() throws Exception {
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

    /** 5. Start-up: launch of java -jar to the inbox being watched; every pindrop launch of this run counts. */
    private void startUp() throws Exception {
        progress("5. start-up");
        List<Double> dedicated = new ArrayList<>();
        try (Proc sim = simulator("sim-startup", 0)) {
            for (int i = 0; i < 5; i++) {
                Run run = pindrop("startup-" + i, sim, 0, "none", Map.of(), List.of());
                dedicated.add(run.startUp());
            }
        }
        section("5. Start-up: launch of `java -jar target/pindrop.jar --once` -> log line \"%s\"", STARTED);
        List<Double> sorted = dedicated.stream().sorted().toList();
        line("  empty inbox, %d launches: median %.2f s (min %.2f, max %.2f)", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        List<Double> all = startUps.stream().sorted().toList();
        line("  all %d pindrop launches of this run: median %.2f s (min %.2f, max %.2f)", all.size(),
                all.get(all.size() / 2), all.get(0), all.get(all.size() - 1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // pindrop, the simulator and the HTTP loop as processes

    /** pindrop's environment: the simulator's site and one admin account, folders under {@code root}. */
    private static Map<String, String> environment(Path root, Proc sim) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("WEBEX_SITE", "acme");
        environment.put("WEBEX_URL", sim.endpoint);
        environment.put("WEBEX_ACCOUNT_1_ID", ADMIN_ID);
        environment.put("WEBEX_ACCOUNT_1_PASSWORD", ADMIN_PASSWORD);
        environment.put("WEBEX_ACCOUNT_QUOTA", "1000000000");
        environment.put("PINDROP_INBOX", root.resolve("inbox").toString());
        environment.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        environment.put("PINDROP_STATE", root.resolve("state").toString());
        return environment;
    }

    /**
     * pindrop as a service (no --once) gets two files of {@code rows} rows one after the other: the first warms
     * the JIT, the second is measured from its drop (rename into the inbox) to its summary.json.
     */
    private Warm warmService(String name, Proc sim, int rows, Map<String, String> env) throws Exception {
        Path root = Files.createDirectories(work.resolve(name));
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path staged = Files.createDirectories(root.resolve("staged"));
        Inputs.csv(staged.resolve("warm-up.csv"), name + "-warm-", rows);
        Inputs.csv(staged.resolve("measured.csv"), name + "-", rows);
        Map<String, String> environment = environment(root, sim);
        environment.putAll(env);
        // a service opens its status page on 8080: nothing here watches it
        environment.put("PINDROP_STATUS_ENABLED", "false");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(pindropJvm);
        if (jfrDir != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfrDir.resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString()));
        awaitQuiet();
        Warm warm = new Warm();
        try (Proc p = Proc.start(name, command, environment, project, work)) {
            drop(staged.resolve("warm-up.csv"), inbox, root.resolve("outbox/warm-up.summary.json"), p);
            awaitQuiet();
            double cpu0 = cpuSeconds(p.pid);
            double sim0 = cpuSeconds(sim.pid);
            long dropped = System.nanoTime();
            Path summary = root.resolve("outbox/measured.summary.json");
            drop(staged.resolve("measured.csv"), inbox, summary, p);
            warm.wallSeconds = (System.nanoTime() - dropped) / 1e9;
            warm.cpu = cpuSeconds(p.pid) - cpu0;
            warm.simCpu = cpuSeconds(sim.pid) - sim0;
            JsonNode json = JSON.readTree(summary.toFile());
            warm.durationSeconds = json.path("durationSeconds").asDouble();
            warm.ok = json.path("counts").path("SUCCESS").asInt();
        }
        progress("   %s: %d/%d SUCCESS, %.0f rows/s processing, %.0f rows/s drop -> summary", name, warm.ok, rows,
                rows / warm.durationSeconds, rows / warm.wallSeconds);
        return warm;
    }

    /** Renames a staged input into the inbox, as a careful copy does, and waits for its summary. */
    private static void drop(Path input, Path inbox, Path summary, Proc pindrop) throws Exception {
        Files.move(input, inbox.resolve(input.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!Files.exists(summary)) {
            if (!pindrop.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + summary.getFileName() + " from the pindrop service");
            }
            Thread.sleep(20);
        }
    }

    /** The measured file of a warm service. */
    static final class Warm {
        double wallSeconds;
        double durationSeconds;
        double cpu;
        double simCpu;
        int ok;
    }

    /** One pindrop --once run over one generated input of {@code rows} rows ({@code kind}: csv, xlsx or none). */
    private Run pindrop(String name, Proc sim, int rows, String kind, Map<String, String> env, List<String> jvm)
            throws Exception {
        Path root = Files.createDirectories(work.resolve(name));
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path outbox = root.resolve("outbox");
        String base = "users-" + name;
        if (kind.equals("csv")) {
            Inputs.csv(inbox.resolve(base + ".csv"), name + "-", rows);
        } else if (kind.equals("xlsx")) {
            Inputs.xlsx(inbox.resolve(base + ".xlsx"), name + "-", rows);
        }
        Map<String, String> environment = environment(root, sim);
        environment.putAll(env);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(pindropJvm);
        command.addAll(jvm);
        if (jfrDir != null && !kind.equals("none")) {
            command.add("-XX:StartFlightRecording=filename=" + jfrDir.resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--once"));
        Path summary = outbox.resolve(base + ".summary.json");
        awaitQuiet();
        Run run = new Run();
        double simCpu0 = cpuSeconds(sim.pid);
        try (Proc p = Proc.start(name, command, environment, project, work)) {
            p.onLine(STARTED, () -> run.cpuAtStart = cpuSeconds(p.pid));
            Monitor monitor = new Monitor(p, kind.equals("none") ? null : summary, sim.pid).connectionsTo(sim.port());
            monitor.watch(Duration.ofMinutes(60));
            run.maxConnections = monitor.maxConnections;
            run.foreignCpu = monitor.foreignCpu;
            run.cpuSamples = monitor.cpuSamples;
            run.foreignWindow = monitor.windowSeconds;
            run.exit = p.process.exitValue();
            run.launchNs = p.launchNs;
            run.startedNs = p.lineTime(STARTED);
            run.pickedNs = p.lineTime(PICKED);
            run.progress = p.matches(PROGRESS);
            run.summaryNs = monitor.summaryNs;
            run.exitNs = monitor.exitNs;
            run.cpuTotal = monitor.cpu;
            run.cpuAtSummary = monitor.cpuAtSummary;
            run.simCpu = monitor.simCpuAtSummary - simCpu0;
            run.hwmKb = monitor.hwmKb;
            run.rss = monitor.rss;
            run.threads = monitor.threads;
        }
        if (run.startedNs > 0) {
            startUps.add(run.startUp());
        }
        if (!kind.equals("none")) {
            if (run.summaryNs == 0) {
                throw new IllegalStateException(name + ": no summary (exit " + run.exit + "); see " + work.resolve(name + ".log"));
            }
            JsonNode json = JSON.readTree(summary.toFile());
            run.durationSeconds = json.path("durationSeconds").asDouble();
            run.rows = json.path("rows").asInt();
            json.path("counts").properties().forEach(f -> run.counts.put(f.getKey(), f.getValue().asLong()));
            progress("   %s: %s, %.0f rows/s processing, %.0f rows/s wall, exit %d", name, run.counts,
                    run.processingRate(), run.wallRate(), run.exit);
        }
        return run;
    }

    private Proc simulator(String name, int latencyMs) throws Exception {
        int port = freePort();
        Proc sim = Proc.start(name, List.of("java", "-cp", jar.toString(), "pindrop.simulator.WebexSimulator",
                "--port", Integer.toString(port), "--site", "acme", "--admin", ADMIN_ID + ":" + ADMIN_PASSWORD,
                "--users-any", "--latency-ms", Integer.toString(latencyMs)), Map.of(), project, work);
        sim.awaitEndpoint();
        return sim;
    }

    private Proc benchSimulator(String name, int latencyMs) throws Exception {
        int port = freePort();
        Proc sim = Proc.start(name, List.of("java", "-cp", benchClasspath, "BenchSimulator", Integer.toString(port),
                Integer.toString(latencyMs), ADMIN_ID, ADMIN_PASSWORD), Map.of(), project, work);
        sim.awaitEndpoint();
        return sim;
    }

    private Loop httpLoop(String name, Proc sim, int threads, int rows) throws Exception {
        awaitQuiet();
        LoopRunner runner = new LoopRunner(name, sim, threads, rows);
        runner.run();
        return runner.result;
    }

    /** The bare HTTP loop, {@link HttpLoop}, in its own JVM; {@link #start()} runs it beside something else. */
    private final class LoopRunner extends Thread {
        private final String name;
        private final Proc sim;
        private final int threads;
        private final int rows;
        private Loop result;
        private Exception failure;

        LoopRunner(String name, Proc sim, int threads, int rows) {
            this.name = name;
            this.sim = sim;
            this.threads = threads;
            this.rows = rows;
        }

        @Override
        public void run() {
            try {
                double simCpu0 = cpuSeconds(sim.pid);
                try (Proc p = Proc.start(name, List.of("java", "-cp", benchClasspath, "HttpLoop", sim.endpoint,
                        Integer.toString(threads), Integer.toString(rows)), Map.of(), project, work)) {
                    Monitor monitor = new Monitor(p, null, sim.pid);
                    monitor.watch(Duration.ofMinutes(30));
                    String out = p.waitForLine("HTTPLOOP ", Duration.ofSeconds(5));
                    if (out == null) {
                        throw new IllegalStateException(name + ": no result; see " + work.resolve(name + ".log"));
                    }
                    Map<String, String> f = Arrays.stream(out.substring(9).split(" "))
                            .map(kv -> kv.split("=")).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
                    result = new Loop(rows, Integer.parseInt(f.get("ok")), Double.parseDouble(f.get("seconds")),
                            Double.parseDouble(f.get("cpuSeconds")), monitor.cpu,
                            (monitor.exitNs - p.launchNs) / 1e9, monitor.simCpuAtSummary - simCpu0,
                            monitor.foreignCpu);
                    progress("   %s: %d threads, %.0f rows/s, %d/%d SUCCESS", name, threads, result.rate(), result.ok,
                            rows);
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        Loop await() throws Exception {
            join();
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    record Loop(int rows, int ok, double loopSeconds, double cpuLoop, double cpuTotal, double wallSeconds,
            double simCpu, double foreignCpu) {
        double rate() {
            return rows / loopSeconds;
        }
    }

    /** What one pindrop run measured. Times are System.nanoTime() of this JVM. */
    static final class Run {
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
            busy0 = machineBusySeconds();
            self0 = selfCpuSeconds();
            sim0 = cpuSeconds(simPid);
            t0 = System.nanoTime();
            while (proc.process.isAlive()) {
                if (System.nanoTime() > deadline) {
                    proc.process.destroyForcibly();
                    throw new IllegalStateException(proc.name + " did not finish within " + timeout);
                }
                long now = System.nanoTime();
                double c = cpuSeconds(proc.pid);
                if (c >= 0) {
                    cpu = c;
                    cpuSamples.add(new double[] {now, c, cpuSeconds(simPid)});
                }
                long[] mem = memoryKb(proc.pid);
                if (mem != null) {
                    hwmKb = Math.max(hwmKb, mem[0]);
                    rss.add(new long[] {now, mem[1]});
                }
                if (simPort > 0 && polls % 4 == 0) {
                    maxConnections = Math.max(maxConnections, establishedTo(simPort));
                }
                if (polls++ % 10 == 0) {
                    Map<String, Double> t = threadCpu(proc.pid);
                    if (!t.isEmpty()) {
                        threads = t;
                    }
                }
                if (summaryNs == 0 && summary != null && Files.exists(summary)) {
                    summaryNs = now;
                    cpuAtSummary = cpu;
                    simCpuAtSummary = cpuSeconds(simPid);
                    foreign(now);
                    threads = Map.of();
                    Map<String, Double> t = threadCpu(proc.pid);
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
                simCpuAtSummary = cpuSeconds(simPid);
                summaryNs = exitNs;
                foreign(exitNs);
            }
        }

        private void foreign(long now) {
            foreignCpu = Math.max(0, machineBusySeconds() - busy0 - cpu - (cpuSeconds(simPid) - sim0)
                    - (selfCpuSeconds() - self0));
            windowSeconds = (now - t0) / 1e9;
        }
    }

    /**
     * The machine is shared (other builds, other tests): before each measured run, wait until the other processes
     * leave it nearly idle (under a fifth of a core for 1 s), for at most --quiet-wait seconds (default 60; 0: never
     * wait). What they still take during a run is reported next to the figures that suffer from it.
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + quietWaitSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        boolean told = false;
        while (System.nanoTime() < deadline) {
            double busy0 = machineBusySeconds();
            double self0 = selfCpuSeconds();
            Thread.sleep(1000);
            double load = machineBusySeconds() - busy0 - (selfCpuSeconds() - self0);
            if (load < 0.2) {
                break;
            }
            if (!told) {
                progress("   the machine is busy with other processes (%.1f cores): waiting up to %d s", load,
                        quietWaitSeconds);
                told = true;
            }
        }
        quietWaited += (System.nanoTime() - start) / 1e9 - 1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // /proc

    /** utime + stime of a process in seconds, or -1 once it is gone. */
    double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy CPU seconds of the whole machine since boot, all cores: user, nice, system, irq, softirq, steal. */
    double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / (double) clockTicks;
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
    Map<String, Double> threadCpu(long pid) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks;
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

    // ---------------------------------------------------------------------------------------------------------
    // helpers

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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String capture(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private int size(Map<String, String> options, String key, int full, int quickSize) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).replace("_", "")) : quick ? quickSize : full;
    }

    private static String fmt(double value, int decimals) {
        return String.format("%." + decimals + "f", value);
    }

    private void section(String format, Object... args) {
        line("");
        line(format, args);
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        table.append(text).append('\n');
    }

    private static void progress(String format, Object... args) {
        System.err.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    /** A child process whose output lines are time-stamped as they arrive and copied to WORK/NAME.log. */
    static final class Proc implements AutoCloseable {
        final String name;
        final Process process;
        final long pid;
        final long launchNs;
        String endpoint;
        private final List<Object[]> lines = new ArrayList<>();
        private final List<Object[]> hooks = new ArrayList<>();
        private final Thread reader;

        private Proc(String name, Process process, long launchNs, Path log) {
            this.name = name;
            this.process = process;
            this.pid = process.pid();
            this.launchNs = launchNs;
            reader = new Thread(() -> read(log), "read-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static Proc start(String name, List<String> command, Map<String, String> env, Path cwd, Path work)
                throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
            // nothing of the caller's shell may steer pindrop: only what the benchmark sets
            builder.environment().keySet().removeIf(k -> k.startsWith("WEBEX_") || k.startsWith("PINDROP_")
                    || k.startsWith("CAMEL_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            builder.environment().putAll(env);
            long launch = System.nanoTime();
            return new Proc(name, builder.start(), launch, work.resolve(name + ".log"));
        }

        private void read(Path log) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                String l;
                while ((l = in.readLine()) != null) {
                    long now = System.nanoTime();
                    out.println(l);
                    List<Runnable> due = new ArrayList<>();
                    synchronized (this) {
                        lines.add(new Object[] {now, l});
                        for (Object[] hook : hooks) {
                            if (hook[1] != null && l.contains((String) hook[0])) {
                                due.add((Runnable) hook[1]);
                                hook[1] = null;
                            }
                        }
                        notifyAll();
                    }
                    due.forEach(Runnable::run);
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** Runs {@code action} on the reader thread as soon as a line containing {@code text} arrives. */
        void onLine(String text, Runnable action) {
            synchronized (this) {
                if (lineTime(text) == 0) {
                    hooks.add(new Object[] {text, action});
                    return;
                }
            }
            action.run(); // the line came already
        }

        synchronized long lineTime(Object what) {
            for (Object[] l : lines) {
                String text = (String) l[1];
                if (what instanceof Pattern p ? p.matcher(text).find() : text.contains((String) what)) {
                    return (Long) l[0];
                }
            }
            return 0;
        }

        /** {arrival ns, first group as a number} of every line matching {@code pattern}. */
        synchronized List<long[]> matches(Pattern pattern) {
            List<long[]> out = new ArrayList<>();
            for (Object[] l : lines) {
                Matcher m = pattern.matcher((String) l[1]);
                if (m.find()) {
                    out.add(new long[] {(Long) l[0], Long.parseLong(m.group(1))});
                }
            }
            return out;
        }

        synchronized String waitForLine(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (Object[] l : lines) {
                    String text = (String) l[1];
                    if (text.startsWith(prefix)) {
                        return text;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return null;
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
            }
        }

        void awaitEndpoint() throws InterruptedException {
            String l = waitForLine("Webex simulator for site", Duration.ofSeconds(30));
            if (l == null) {
                throw new IllegalStateException(name + " did not start");
            }
            endpoint = l.substring(l.indexOf(" at ") + 4).trim();
        }

        int port() {
            return Integer.parseInt(endpoint.replaceFirst("^\\w+://[^:/]+:(\\d+)/.*$", "$1"));
        }

        void send(String command) throws IOException {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        void drain() throws InterruptedException {
            reader.join(5000);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: the simulator's shutdown hook closes it
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Post-collection heap sizes from a -Xlog:gc file: {uptime seconds, heap after MiB}. */
    static final class GcLog {
        /** Collections only: a Remark or Cleanup line shows the heap in the middle of a concurrent cycle. */
        private static final Pattern LINE =
                Pattern.compile("^\\[([\\d.]+)s\\].*Pause (?:Young|Full).*\\s(\\d+)M->(\\d+)M\\((\\d+)M\\)");

        static List<double[]> read(Path file) throws IOException {
            List<double[]> out = new ArrayList<>();
            if (!Files.exists(file)) {
                return out;
            }
            for (String l : Files.readAllLines(file)) {
                Matcher m = LINE.matcher(l);
                if (m.find()) {
                    out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3))});
                }
            }
            return out;
        }
    }
}
