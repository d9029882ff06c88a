package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/**
 * Two pindrops with pindrop.ha on one state folder, each a JVM of its own: the second stands by (not ready, its
 * status says standby); the leader killed with SIGKILL mid-file, the standby takes over and finishes the file
 * within 30 s, every row once, with at most the calls that were in flight sent again.
 */
class ActiveStandbyIT {

    static final int ROWS = 300;
    static final int CONCURRENCY = 4;

    @TempDir
    Path root;
    WebexSimulator simulator;
    final List<Process> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(Process::destroyForcibly);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theStandbyTakesOverAKilledLeadersFileWithin30Seconds() throws Exception {
        List<String> users = Users.ids(ROWS);
        simulator = WebexSimulator.builder().site("acme").admin("admin1@acme.com", "admin1-secret").users(users)
                .latency(Duration.ofMillis(20)).build().start();
        Files.createDirectories(root.resolve("inbox"));
        StatusClient first = StatusClient.onFreePort();
        Process leader = pindrop(first, "first");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> first.status().get("role").asText().equals("leader"));
        StatusClient second = StatusClient.onFreePort();
        Process standby = pindrop(second, "second");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> second.status().get("role").asText().equals("standby"));
        assertEquals(503, second.get("/observe/health/ready").statusCode(), "a standby is not ready");
        assertEquals(200, second.get("/observe/health/live").statusCode(), "a standby is alive");
        assertEquals(200, first.get("/observe/health/ready").statusCode(), "the leader is ready");

        Files.writeString(root.resolve("inbox/.pins.csv"), Users.csv(users));
        Files.move(root.resolve("inbox/.pins.csv"), root.resolve("inbox/pins.csv"));
        await().atMost(Duration.ofSeconds(60)).until(() -> journalLines("D").size() >= 60);
        leader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Instant killed = Instant.now();
        assertTrue(journalLines("D").size() < ROWS, "the kill came part-way");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(root.resolve("outbox/pins.summary.json")));
        assertTrue(Duration.between(killed, Instant.now()).toSeconds() < 30);
        assertTrue(standby.isAlive());
        assertEquals("leader", second.status().get("role").asText());

        List<Map<String, String>> results = RunningPindrop.csv(root.resolve("outbox/pins.results.csv"));
        assertEquals(IntStream.rangeClosed(2, ROWS + 1).mapToObj(Integer::toString).toList(),
                results.stream().map(r -> r.get("row")).toList(), "one line per row, in order");
        int repeated = 0;
        for (int i = 0; i < ROWS; i++) {
            assertEquals("SUCCESS", results.get(i).get("status"), results.get(i).toString());
            assertEquals(Users.pin(i), simulator.hostPin(users.get(i)));
            repeated += simulator.setUserCalls(users.get(i)) - 1;
        }
        assertTrue(repeated <= CONCURRENCY, repeated + " calls sent again, more than were in flight");
    }

    private Process pindrop(StatusClient status, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PindropProcess.testJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Pindrop.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(name + ".out").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WEBEX_") || key.startsWith("PINDROP_") || key.startsWith("CAMEL_"));
        env.putAll(PindropProcess.oneAdminOf(simulator));
        env.put("WEBEX_CONCURRENCY", Integer.toString(CONCURRENCY));
        env.put("PINDROP_INBOX", root.resolve("inbox").toString());
        env.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        env.put("PINDROP_STATE", root.resolve("state").toString());
        env.put("PINDROP_READ_LOCK_INTERVAL_MS", "100");
        env.put("PINDROP_HA", "true");
        env.put("PINDROP_HA_LOCK_INTERVAL", "1s");
        env.put("PINDROP_STATUS_ENABLED", "true");
        env.put("PINDROP_STATUS_PORT", status.uri("").getPort() + "");
        Process process = builder.start();
        running.add(process);
        return process;
    }

    private List<String> journalLines(String kind) throws IOException {
        Path journals = root.resolve("state/journals");
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(journals)) {
            for (Path dir : dirs.toList()) {
                Path journal = dir.resolve("journal.csv");
                if (Files.exists(journal)) {
                    Files.readAllLines(journal).stream().filter(l -> l.startsWith(kind + ",")).forEach(lines::add);
                }
            }
        }
        return lines;
    }
}
