import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every measurement shares: the sizes and paths from the options, and the rig that runs pindrop, the
 * simulator and the bare HTTP loop as processes on 127.0.0.1, waits for a quiet machine and writes to the report.
 * Each measurement is a subclass with its own {@link #measure}; {@link Bench} runs them.
 */
abstract class Measurement {

    static final String ADMIN_ID = "admin@acme.com";
    static final String ADMIN_PASSWORD = "pw";
    static final String STARTED = "Started hostpin (file://";
    private static final Pattern PICKED = Pattern.compile(": \\d+ rows, user column");
    private static final Pattern PROGRESS = Pattern.compile("ProgressLog - .*: (\\d+)/\\d+ rows");
    static final ObjectMapper JSON = new ObjectMapper();

    // sizes: full mode as the issue asks; --quick a fraction, same shape
    final boolean quick;
    final int costRows;
    final int latencyRows;
    final int latencyRowsC1;
    final int throttleRows;
    final int memoryCsvRows;
    final int memoryXlsxRows;

    final Path project;
    final Path jar;
    final Path work;
    final Path jfrDir;
    /** --pindrop-jvm "OPTIONS": JVM options for every pindrop launch, to compare JVM settings (JIT, GC). */
    final List<String> pindropJvm;
    private final int quietWaitSeconds;
    private final String benchClasspath = System.getProperty("java.class.path");
    final Report report;

    Measurement(Map<String, String> options, Report report) {
        this.report = report;
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
    }

    /** Runs the measurement and writes its section of the report. */
    abstract void measure() throws Exception;

    /** pindrop's environment: the simulator's site and one admin account, folders under {@code root}. */
    static Map<String, String> environment(Path root, Proc sim) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("WEBEX_SITE", "acme");
        environment.put("WEBEX_URL", sim.endpoint);
        environment.put("WEBEX_ACCOUNT_1_ID", ADMIN_ID);
        environment.put("WEBEX_ACCOUNT_1_PASSWORD", ADMIN_PASSWORD);
        environment.put("WEBEX_ACCOUNT_QUOTA", "1000000000");
        environment.put("PINDROP_INBOX", root.resolve("inbox").toString());
        environment.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        environment.put("PINDROP_STATE", root.resolve("state").toString());
        // start-up is timed to Camel's "Started hostpin" line, which only the verbose start-up summary prints
        environment.put("CAMEL_MAIN_STARTUP_SUMMARY_LEVEL", "Verbose");
        return environment;
    }

    /**
     * pindrop as a service (no --once) gets two files of {@code rows} rows one after the other: the first warms
     * the JIT, the second is measured from its drop (rename into the inbox) to its summary.json.
     */
    Warm warmService(String name, Proc sim, int rows, Map<String, String> env) throws Exception {
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
            double cpu0 = ProcFs.cpuSeconds(p.pid);
            double sim0 = ProcFs.cpuSeconds(sim.pid);
            long dropped = System.nanoTime();
            Path summary = root.resolve("outbox/measured.summary.json");
            drop(staged.resolve("measured.csv"), inbox, summary, p);
            warm.wallSeconds = (System.nanoTime() - dropped) / 1e9;
            warm.cpu = ProcFs.cpuSeconds(p.pid) - cpu0;
            warm.simCpu = ProcFs.cpuSeconds(sim.pid) - sim0;
            JsonNode json = JSON.readTree(summary.toFile());
            warm.durationSeconds = json.path("durationSeconds").asDouble();
            warm.ok = json.path("counts").path("SUCCESS").asInt();
        }
        progress("   %s: %d/%d SUCCESS, %.0f rows/s processing, %.0f rows/s drop -> summary", name, warm.ok, rows,
                rows / warm.durationSeconds, rows / warm.wallSeconds);
        return warm;
    }

    /** Renames a staged input into the inbox, as a careful copy does, and waits for its summary. */
    static void drop(Path input, Path inbox, Path summary, Proc pindrop) throws Exception {
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
    Run pindrop(String name, Proc sim, int rows, String kind, Map<String, String> env, List<String> jvm)
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
        double simCpu0 = ProcFs.cpuSeconds(sim.pid);
        try (Proc p = Proc.start(name, command, environment, project, work)) {
            p.onLine(STARTED, () -> run.cpuAtStart = ProcFs.cpuSeconds(p.pid));
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
            report.startUps.add(run.startUp());
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

    Proc simulator(String name, int latencyMs) throws Exception {
        int port = freePort();
        Proc sim = Proc.start(name, List.of("java", "-cp", jar.toString(), "pindrop.simulator.WebexSimulator",
                "--port", Integer.toString(port), "--site", "acme", "--admin", ADMIN_ID + ":" + ADMIN_PASSWORD,
                "--users-any", "--latency-ms", Integer.toString(latencyMs)), Map.of(), project, work);
        sim.awaitEndpoint();
        return sim;
    }

    Proc benchSimulator(String name, int latencyMs) throws Exception {
        int port = freePort();
        Proc sim = Proc.start(name, List.of("java", "-cp", benchClasspath, "BenchSimulator", Integer.toString(port),
                Integer.toString(latencyMs), ADMIN_ID, ADMIN_PASSWORD), Map.of(), project, work);
        sim.awaitEndpoint();
        return sim;
    }

    Loop httpLoop(String name, Proc sim, int threads, int rows) throws Exception {
        awaitQuiet();
        LoopRunner runner = new LoopRunner(name, sim, threads, rows);
        runner.run();
        return runner.result;
    }

    /** The bare HTTP loop, {@link HttpLoop}, in its own JVM; {@link #start()} runs it beside something else. */
    final class LoopRunner extends Thread {
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
                double simCpu0 = ProcFs.cpuSeconds(sim.pid);
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
                    progress("   %s: %d threads, %.0f rows/s, %d/%d SUCCESS", name, threads, result.rate(), result.ok(),
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

    /**
     * The machine is shared (other builds, other tests): before each measured run, wait until the other processes
     * leave it nearly idle (under a fifth of a core for 1 s), for at most --quiet-wait seconds (default 60; 0: never
     * wait). What they still take during a run is reported next to the figures that suffer from it.
     */
    void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + quietWaitSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        boolean told = false;
        while (System.nanoTime() < deadline) {
            double busy0 = ProcFs.machineBusySeconds();
            double self0 = ProcFs.selfCpuSeconds();
            Thread.sleep(1000);
            double load = ProcFs.machineBusySeconds() - busy0 - (ProcFs.selfCpuSeconds() - self0);
            if (load < 0.2) {
                break;
            }
            if (!told) {
                progress("   the machine is busy with other processes (%.1f cores): waiting up to %d s", load,
                        quietWaitSeconds);
                told = true;
            }
        }
        report.quietWaited += (System.nanoTime() - start) / 1e9 - 1;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int size(Map<String, String> options, String key, int full, int quickSize) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).replace("_", ""))
                : options.containsKey("quick") ? quickSize : full;
    }

    static String fmt(double value, int decimals) {
        return String.format("%." + decimals + "f", value);
    }

    void section(String format, Object... args) {
        report.section(format, args);
    }

    void line(String format, Object... args) {
        report.line(format, args);
    }

    static void progress(String format, Object... args) {
        System.err.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
