package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/**
 * The real jar, killed part-way through a file and started again: every row ends with exactly one outcome,
 * and what Webex had already done is not asked again.
 */
class CrashRecoveryIT {

    static final int ROWS = 300;

    @TempDir
    Path root;
    WebexSimulator simulator;
    List<String> users;
    Process running;

    @BeforeEach
    void start() throws IOException {
        users = Users.ids(ROWS);
        simulator = WebexSimulator.builder().site("acme").admin("admin1@acme.com", "admin1-secret").users(users)
                .latency(Duration.ofMillis(20)).build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), Users.csv(users));
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.destroyForcibly();
        }
        simulator.close();
    }

    @Test
    void killedWithSigkillResumesWithoutSendingFinishedRowsAgain() throws Exception {
        running = pindrop();
        await().atMost(Duration.ofSeconds(60)).until(() -> journalLines("D").size() >= 60);
        running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Set<String> finishedBeforeKill = journalLines("D").stream().map(line -> line.split(",")[3])
                .collect(Collectors.toSet());
        Map<String, Integer> callsBeforeKill = new HashMap<>();
        users.forEach(user -> callsBeforeKill.put(user, simulator.setUserCalls(user)));

        assertEquals(0, runOnce(), this::output);

        assertEveryRowOnceAndSet();
        for (String user : finishedBeforeKill) {
            assertEquals(callsBeforeKill.get(user), simulator.setUserCalls(user), user + " was done before the kill");
        }
        assertTrue(finishedBeforeKill.size() < ROWS, "the kill came part-way");
    }

    @Test
    void stoppedWithSigtermSendsNoRowTwice() throws Exception {
        running = pindrop();
        await().atMost(Duration.ofSeconds(60)).until(() -> journalLines("D").size() >= 60);
        running.destroy();
        assertTrue(running.waitFor(60, TimeUnit.SECONDS), "pindrop stops within the shutdown timeout");
        assertTrue(Files.exists(root.resolve("inbox/pins.csv")), "the interrupted file is back in the inbox");
        assertTrue(journalLines("D").size() < ROWS, "the stop came part-way");

        assertEquals(0, runOnce(), this::output);

        assertEveryRowOnceAndSet();
        users.forEach(user -> assertEquals(1, simulator.setUserCalls(user), user + " was sent once"));
    }

    /** bench/chaos.sh in small: killed twice while rows are in flight on a site that fails now and then. */
    @Test
    void killedTwiceUnderAFaultMixEndsWithEveryRowOnceAndSuccess() throws Exception {
        simulator.close();
        simulator = WebexSimulator.builder().site("acme").admin("admin1@acme.com", "admin1-secret").users(users)
                .latency(Duration.ofMillis(20)).http503Rate(0.05).resetRate(0.03).backendFaultRate(0.05).seed(14)
                .build().start();
        int kills = 2;
        for (int kill = 1; kill <= kills; kill++) {
            running = pindrop();
            int atLeast = 60 * kill;
            await().atMost(Duration.ofSeconds(60)).until(() -> journalLines("D").size() >= atLeast);
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(journalLines("D").size() < ROWS, "the kills came part-way");

        assertEquals(0, runOnce(), this::output);

        assertEveryRowOnceAndSet();
        int repeated = users.stream().mapToInt(user -> simulator.successfulSetUserCalls(user) - 1).sum();
        assertTrue(repeated <= kills * 4, repeated + " calls repeated: more than were in flight at the kills");
    }

    private void assertEveryRowOnceAndSet() throws IOException {
        List<Map<String, String>> results = RunningPindrop.csv(root.resolve("outbox/pins.results.csv"));
        assertEquals(IntStream.rangeClosed(2, ROWS + 1).mapToObj(Integer::toString).toList(),
                results.stream().map(r -> r.get("row")).toList(), "one line per row, in order");
        for (int i = 0; i < ROWS; i++) {
            assertEquals("SUCCESS", results.get(i).get("status"), results.get(i).toString());
            assertEquals(Users.pin(i), simulator.hostPin(users.get(i)));
        }
        assertTrue(Files.exists(root.resolve("inbox/.done/pins.csv")));
    }

    private int runOnce() throws Exception {
        running = pindrop("--once");
        assertTrue(running.waitFor(120, TimeUnit.SECONDS), "--once finishes");
        return running.exitValue();
    }

    private Process pindrop(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PindropProcess.testJvmOptions());
        command.addAll(List.of("-jar", "target/pindrop.jar"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("pindrop.out").toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(PindropProcess.oneAdminOf(simulator));
        // a row that meets five faults in a row is rare, not impossible, at the fault mix's rates
        env.put("WEBEX_RETRIES", "8");
        env.put("WEBEX_RETRY_DELAY_MS", "50");
        env.put("PINDROP_INBOX", root.resolve("inbox").toString());
        env.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        env.put("PINDROP_STATE", root.resolve("state").toString());
        env.put("PINDROP_READ_LOCK_INTERVAL_MS", "100");
        // a test machine's port 8080 is not ours to take
        env.put("PINDROP_STATUS_ENABLED", "false");
        return builder.start();
    }

    private List<String> journalLines(String kind) throws IOException {
        Path journals = root.resolve("state/journals");
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(journals)) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path dir : dirs.toList()) {
                Path journal = dir.resolve("journal.csv");
                if (Files.exists(journal)) {
                    Files.readAllLines(journal).stream().filter(l -> l.startsWith(kind + ",")).forEach(lines::add);
                }
            }
            return lines;
        }
    }

    private String output() {
        try {
            return Files.readString(root.resolve("pindrop.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
