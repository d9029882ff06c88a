import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import pindrop.outcome.OutcomeFiles;
import pindrop.simulator.WebexSimulator;

/**
 * The chaos run: pindrop as a service (the jar) under a fault mix (HTTP 503, reset connections, 000035, answers
 * slowed by the simulator's latency), killed with SIGKILL at random moments and started again, until its file
 * is done. Then it checks that every row has exactly one outcome and is SUCCESS, that the site holds each row's
 * PIN, and that the calls repeated are at most the calls in flight per kill. Prints its figures.
 *
 * <pre>java -cp chaos-classes:target/pindrop.jar Chaos --project DIR --work DIR [--kills N] [--rows N] [--seed N]</pre>
 */
public final class Chaos {

    private static final String ADMIN = "admin1@acme.com";
    private static final String PASSWORD = "admin1-secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--kills", "5", "--rows", "2000", "--seed", "1",
                "--concurrency", "4"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path project = Path.of(options.get("--project"));
        Path work = Path.of(options.get("--work"));
        int kills = Integer.parseInt(options.get("--kills"));
        int rows = Integer.parseInt(options.get("--rows"));
        int concurrency = Integer.parseInt(options.get("--concurrency"));
        Random random = new Random(Long.parseLong(options.get("--seed")));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            users.add(String.format(Locale.ROOT, "user%05d@acme.com", i));
        }
        WebexSimulator simulator = WebexSimulator.builder().site("acme").admin(ADMIN, PASSWORD).users(users)
                .http503Rate(0.05).resetRate(0.03).backendFaultRate(0.05).latency(Duration.ofMillis(30))
                .seed(random.nextLong()).build().start();
        try {
            Files.createDirectories(work.resolve("inbox"));
            StringBuilder csv = new StringBuilder("webExId,hostPIN\n");
            for (int i = 0; i < rows; i++) {
                csv.append(users.get(i)).append(',').append(pin(i)).append('\n');
            }
            Files.writeString(work.resolve("inbox/.pins.csv.part"), csv);
            Files.move(work.resolve("inbox/.pins.csv.part"), work.resolve("inbox/pins.csv"));
            long started = System.nanoTime();
            Path summary = work.resolve("outbox/pins.summary.json");
            int killed = 0;
            Process pindrop = start(project, work, simulator, concurrency);
            while (killed < kills) {
                // a random moment while rows are in flight: once this start sends, within the next 4 s
                long before = setUsers(simulator);
                while (setUsers(simulator) == before && !Files.exists(summary)) {
                    Thread.sleep(20);
                }
                Thread.sleep(random.nextInt(4000));
                if (Files.exists(summary)) {
                    break;
                }
                pindrop.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killed++;
                System.out.printf(Locale.ROOT, "[chaos] kill %d of %d after %,d SetUser calls%n", killed, kills,
                        setUsers(simulator));
                pindrop = start(project, work, simulator, concurrency);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!Files.exists(summary) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            pindrop.destroy();
            pindrop.waitFor(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            check(work, users, simulator, killed, concurrency, seconds);
        } finally {
            simulator.close();
        }
    }

    private static void check(Path work, List<String> users, WebexSimulator simulator, int killed, int concurrency,
            double seconds) throws IOException {
        List<String> problems = new ArrayList<>();
        Path results = work.resolve("outbox/pins.results.csv");
        List<CSVRecord> lines = new ArrayList<>();
        if (Files.exists(results)) {
            try (Reader reader = OutcomeFiles.reader(results)) {
                CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).forEach(lines::add);
            }
        } else {
            problems.add("no results file: the file never completed");
        }
        if (!lines.isEmpty() && lines.size() != users.size()) {
            problems.add(lines.size() + " outcomes for " + users.size() + " rows");
        }
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord line = lines.get(i);
            if (!line.get("row").equals(Integer.toString(i + 2))) {
                problems.add("outcome " + i + " is for row " + line.get("row"));
            }
            if (!line.get("status").equals("SUCCESS")) {
                problems.add("row " + line.get("row") + " is " + line.get("status") + ": " + line.get("reason"));
            }
        }
        int repeats = 0;
        for (int i = 0; i < users.size(); i++) {
            if (!pin(i).equals(simulator.hostPin(users.get(i)))) {
                problems.add(users.get(i) + " has not its PIN on the site");
            }
            repeats += Math.max(0, simulator.successfulSetUserCalls(users.get(i)) - 1);
        }
        if (repeats > killed * concurrency) {
            problems.add(repeats + " calls repeated, more than the " + killed * concurrency + " in flight at the kills");
        }
        System.out.printf(Locale.ROOT, "%n[chaos] kills %d, rows %,d, SetUser calls %,d (faults answered: %,d),"
                + " repeated %d (at most %d), time %.1f s%n", killed, users.size(), setUsers(simulator),
                simulator.calls().stream().filter(c -> c.operation().equals("SetUser") && !c.succeeded()).count(),
                repeats, killed * concurrency, seconds);
        if (problems.isEmpty()) {
            System.out.println("[chaos] PASSED: every row one outcome, every row SUCCESS, the site holds every PIN");
        } else {
            problems.stream().limit(20).forEach(p -> System.out.println("[chaos] FAILED: " + p));
            System.exit(1);
        }
    }

    private static long setUsers(WebexSimulator simulator) {
        return simulator.calls().stream().filter(c -> c.operation().equals("SetUser")).count();
    }

    private static Process start(Path project, Path work, WebexSimulator simulator, int concurrency)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/pindrop.jar").directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("pindrop.out").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("WEBEX_") || name.startsWith("PINDROP_")
                || name.startsWith("CAMEL_"));
        env.put("WEBEX_SITE", "acme");
        env.put("WEBEX_URL", simulator.endpoint().toString());
        env.put("WEBEX_ACCOUNT_1_ID", ADMIN);
        env.put("WEBEX_ACCOUNT_1_PASSWORD", PASSWORD);
        env.put("WEBEX_RATE", "1000");
        // one account for the whole file: the run is about kills, not budgets
        env.put("WEBEX_ACCOUNT_QUOTA", "1000000");
        env.put("WEBEX_CONCURRENCY", Integer.toString(concurrency));
        // eight retries: a row that meets five faults in a row is rare, not impossible, at these rates
        env.put("WEBEX_RETRIES", "8");
        env.put("WEBEX_RETRY_DELAY_MS", "50");
        env.put("PINDROP_INBOX", work.resolve("inbox").toString());
        env.put("PINDROP_OUTBOX", work.resolve("outbox").toString());
        env.put("PINDROP_STATE", work.resolve("state").toString());
        env.put("PINDROP_READ_LOCK_INTERVAL_MS", "100");
        env.put("PINDROP_STATUS_ENABLED", "false");
        return builder.start();
    }

    /** A PIN the site accepts (4 then 7 begins no run), one of a hundred, so a row's own PIN is checked. */
    private static String pin(int i) {
        return String.format(Locale.ROOT, "47%02d", i % 100);
    }
}
