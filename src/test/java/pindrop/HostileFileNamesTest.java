package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** Dropped files named to break out of the outbox, or a shell: their outcome files land in the outbox all the same. */
class HostileFileNamesTest extends SiteTest {

    static final List<String> NAMES = List.of("pins; rm -rf ~.csv", "ünïcödé pins.csv", "a..b.csv", "$(whoami).csv",
            "`id` & echo.csv", "-rf.csv", "new\nline.csv");
    /** Never taken, so they stay where they were dropped: hidden, and a backslash Camel would read as a folder. */
    static final List<String> IGNORED = List.of("..csv", "back\\slash.csv");

    @Test
    void everyFileGetsItsOutcomeFilesInsideTheOutboxAndNothingElsewhere() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(Users.ids(1)).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
        for (String name : NAMES) {
            pindrop.drop(name, Users.csv(Users.ids(1)));
        }
        for (String name : IGNORED) {
            Files.writeString(pindrop.inbox.resolve(name), Users.csv(Users.ids(1)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> summaries().size() == NAMES.size());

        assertEquals(Set.copyOf(NAMES), summaries().keySet(), "one summary per input, naming it");
        summaries().forEach((input, summary) -> assertEquals("COMPLETED", summary, input));
        for (String name : NAMES) {
            assertTrue(Files.exists(pindrop.inbox.resolve(".done").resolve(name)), name);
        }
        try (Stream<Path> outbox = Files.list(pindrop.outbox)) {
            assertTrue(outbox.allMatch(Files::isRegularFile), "nothing but files in the outbox");
        }
        try (Stream<Path> top = Files.list(root)) {
            assertEquals(Set.of("inbox", "outbox", "state"),
                    top.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "nothing beside them");
        }
        try (Stream<Path> inbox = Files.list(pindrop.inbox)) {
            // the other jobs' folders and the dry-run folder, which their routes create, and the two files never taken
            assertEquals(Set.of(".done", ".inprogress", "audio-pin", "user-settings", "dry-run", "..csv",
                    "back\\slash.csv"),
                    inbox.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aNameAsLongAsTheFileSystemAllowsGetsItsOutcomeFiles() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(Users.ids(1)).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
        // 244 bytes: a legal name, too long once ".results.csv" and the staging ".part" are added to it
        String name = "x".repeat(240) + ".csv";

        pindrop.drop(name, Users.csv(Users.ids(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> summaries().size() == 1);
        assertEquals(Map.of(name, "COMPLETED"), summaries());
    }

    @Test
    void onceEndsWhileAFileWithABackslashWaitsInTheInbox() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/back\\slash.csv"), Users.csv(Users.ids(1)));

        RunningPindrop.Once once = RunningPindrop.once(simulator, root, Map.of());

        assertEquals(0, once.exit(), once::log);
        assertTrue(Files.exists(root.resolve("inbox/back\\slash.csv")));
    }

    /** Input file name to status, from every summary in the outbox. */
    private Map<String, String> summaries() throws IOException {
        if (!Files.isDirectory(pindrop.outbox)) {
            return Map.of();
        }
        try (Stream<Path> outbox = Files.list(pindrop.outbox)) {
            return outbox.filter(p -> p.getFileName().toString().endsWith(".summary.json"))
                    .map(HostileFileNamesTest::read)
                    .collect(Collectors.toMap(s -> s.get(0), s -> s.get(1)));
        }
    }

    private static List<String> read(Path summary) {
        try {
            var json = new ObjectMapper().readTree(summary.toFile());
            return List.of(json.get("file").asText(), json.get("status").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
