import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import pindrop.simulator.WebexSimulator;

/**
 * "Monday morning": 3 admin accounts, Webex's per-minute limits hidden in the simulator (120 calls a minute per
 * account; in the site variant also 240 a minute for the site), answers of 250 ms ± 50 ms, 900 and 2,100 rows.
 * For each: pindrop at its defaults (adaptive pace, accounts in parallel), and beside it the old behaviour (one
 * fixed rate, 2/s, accounts one after another) and a fixed rate too high (10/s), both from the old jar and its
 * routes ({@code --old-project DIR}, built by {@code bench/run.sh --monday-morning}; without it those rows are
 * left out). Prints time to done against the physical minimum (rows over what the hidden limits allow), the
 * share of calls answered 000045 and the calls per account. Real 60 s windows: it takes wall time, little CPU,
 * so it does not wait for a quiet machine; each row of the table is printed as soon as it is measured too.
 */
final class MondayMorning extends Measurement {

    static final int ACCOUNTS = 3;
    static final int PER_ACCOUNT = 120;
    static final int SITE = 240;

    private final Path oldProject;
    private final List<Integer> sizes;

    MondayMorning(Map<String, String> options, Report report) {
        super(options, report);
        oldProject = options.containsKey("old-project") ? Path.of(options.get("old-project")).toAbsolutePath() : null;
        sizes = List.of(options.getOrDefault("monday-rows", "900,2100").split(",")).stream().map(String::trim)
                .map(Integer::valueOf).toList();
    }

    @Override
    void measure() throws Exception {
        progress("monday morning");
        section("Monday morning: %d accounts, %d calls/min each hidden, 250 ms ± 50 ms answers", ACCOUNTS,
                PER_ACCOUNT);
        row("%-44s %6s %9s %9s %7s %9s  %s", "run", "rows", "done (s)", "min (s)", "x min", "000045",
                "calls per account");
        for (boolean siteCap : List.of(false, true)) {
            for (int rows : sizes) {
                scenario("pindrop at its defaults", project, Map.of(), rows, siteCap);
                if (oldProject != null) {
                    scenario("old: rate 2/s, one after another", oldProject, Map.of("WEBEX_RATE", "2"), rows, siteCap);
                    scenario("old: rate 10/s (too high)", oldProject, Map.of("WEBEX_RATE", "10"), rows, siteCap);
                }
            }
        }
    }

    private void scenario(String name, Path jarProject, Map<String, String> env, int rows, boolean siteCap)
            throws Exception {
        WebexSimulator.Builder builder = WebexSimulator.builder().site("acme").anyUser(true)
                .perMinuteLimit(PER_ACCOUNT).latency(Duration.ofMillis(250)).latencyJitter(Duration.ofMillis(50));
        if (siteCap) {
            builder.sitePerMinuteLimit(SITE);
        }
        for (int n = 1; n <= ACCOUNTS; n++) {
            builder.admin("admin" + n + "@acme.com", "secret-" + n);
        }
        Path dir = Files.createTempDirectory(work, "monday");
        Files.createDirectories(dir.resolve("inbox"));
        try (WebexSimulator simulator = builder.build().start()) {
            StringBuilder csv = new StringBuilder("webExId,hostPIN\n");
            for (int i = 0; i < rows; i++) {
                csv.append(String.format(Locale.ROOT, "user%05d@acme.com,%04d%n", i, 2580 + (i % 7) * 1111 % 9000));
            }
            Files.writeString(dir.resolve("inbox/pins.csv"), csv, StandardCharsets.UTF_8);
            List<String> command = List.of("java", "-jar", jarProject.resolve("target/pindrop.jar").toString(), "--once");
            ProcessBuilder process = new ProcessBuilder(command).directory(jarProject.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pindrop.log").toFile());
            Map<String, String> e = process.environment();
            e.put("WEBEX_SITE", "acme");
            e.put("WEBEX_URL", simulator.endpoint().toString());
            for (int n = 1; n <= ACCOUNTS; n++) {
                e.put("WEBEX_ACCOUNT_" + n + "_ID", "admin" + n + "@acme.com");
                e.put("WEBEX_ACCOUNT_" + n + "_PASSWORD", "secret-" + n);
            }
            e.put("PINDROP_INBOX", dir.resolve("inbox").toString());
            e.put("PINDROP_OUTBOX", dir.resolve("outbox").toString());
            e.put("PINDROP_STATE", dir.resolve("state").toString());
            e.put("PINDROP_STATUS_ENABLED", "false");
            // the old default would DEFER rows whose account rests longer than this; the scenario wants them done
            e.put("WEBEX_ACCOUNT_WAIT", "10m");
            e.putAll(env);
            Process pindrop = process.start();
            if (!pindrop.waitFor(60, TimeUnit.MINUTES)) {
                pindrop.destroyForcibly();
            }
            List<WebexSimulator.Call> calls = simulator.calls().stream()
                    .filter(c -> c.operation().equals("SetUser")).toList();
            long done = calls.stream().filter(WebexSimulator.Call::succeeded).count();
            Instant first = calls.get(0).arrival();
            Instant last = calls.get(calls.size() - 1).arrival();
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            double allowedPerMinute = siteCap ? Math.min(SITE, ACCOUNTS * PER_ACCOUNT) : ACCOUNTS * PER_ACCOUNT;
            double minimum = rows / allowedPerMinute * 60;
            Map<String, Long> perAccount = new TreeMap<>();
            calls.forEach(c -> perAccount.merge(c.caller().replace("@acme.com", ""), 1L, Long::sum));
            row("%-44s %6d %9.0f %9.0f %7.2f %8.1f%%  %s%s", name + (siteCap ? ", site " + SITE + "/min" : ""), rows,
                    seconds, minimum, seconds / minimum, 100.0 * simulator.rateLimitedCalls() / simulator.calls().size(),
                    perAccount, done < rows ? "  (" + done + " of " + rows + " done, exit " + pindrop.exitValue() + ")"
                            : "");
        }
    }

    /** A row of the table, printed at once as well: the whole scenario takes long. */
    private void row(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        progress("   %s", text);
        line("%s", text);
    }
}
