package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** How files arrive in practice: dropped twice, under one name twice, copied slowly, into a full disk. */
class FileDropTest extends SiteTest {

    @Test
    void theSameFileDroppedAgainGetsANewReportAndKeepsTheFirst() throws Exception {
        List<String> users = Users.ids(5);
        start(users, Duration.ZERO, Map.of());

        pindrop.drop("pins.csv", Users.csv(users));
        pindrop.awaitSummary("pins");
        pindrop.drop("pins.csv", Users.csv(users));
        JsonNode second = pindrop.awaitSummary("pins-2");

        assertEquals(5, second.get("counts").get("SUCCESS").asInt(), "a re-run is sent again, as asked");
        assertEquals("pins-2.results.csv", second.get("results").asText());
        assertEquals(5, pindrop.results("pins").size(), "the first report is still there");
        users.forEach(user -> assertEquals(2, simulator.successfulSetUserCalls(user)));
    }

    @Test
    void twoFilesOfTheSameContentDroppedTogetherAreEachSentInFull() throws Exception {
        List<String> users = Users.ids(40);
        start(users, Duration.ofMillis(20), Map.of());

        // taken in one poll: one finished file's journal must not pass for the other's interrupted run
        pindrop.drop("a.csv", Users.csv(users));
        pindrop.drop("b.csv", Users.csv(users));

        assertEquals(40, pindrop.awaitSummary("a").get("counts").get("SUCCESS").asInt());
        assertEquals(40, pindrop.awaitSummary("b").get("counts").get("SUCCESS").asInt());
        users.forEach(user -> assertEquals(2, simulator.successfulSetUserCalls(user), user + " sent for each file"));
    }

    @Test
    void twoFilesOfOneNameInQuickSuccessionKeepBothReports() throws Exception {
        List<String> users = Users.ids(6);
        start(users, Duration.ZERO, Map.of());

        pindrop.drop("pins.csv", Users.csv(users.subList(0, 3)));
        await().until(() -> !Files.exists(pindrop.inbox.resolve("pins.csv")));
        pindrop.drop("pins.csv", Users.csv(users.subList(3, 6)));

        pindrop.awaitSummary("pins");
        pindrop.awaitSummary("pins-2");
        assertEquals(users.subList(0, 3), webExIds("pins"));
        assertEquals(users.subList(3, 6), webExIds("pins-2"));
    }

    @Test
    void aFileStillBeingCopiedIsReadOnlyWhenComplete() throws Exception {
        List<String> users = Users.ids(30);
        start(users, Duration.ZERO, Map.of("pindrop.read-lock-interval-ms", "1000"));

        // a slow copy over a network share: written in place, a few rows every 200 ms for about 2 s
        String csv = Users.csv(users);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(pindrop.inbox.resolve("slow.csv"), StandardOpenOption.CREATE)) {
            for (int from = 0; from < bytes.length; from += bytes.length / 10 + 1) {
                out.write(bytes, from, Math.min(bytes.length / 10 + 1, bytes.length - from));
                out.flush();
                Thread.sleep(200);
            }
        }

        JsonNode summary = pindrop.awaitSummary("slow");
        assertEquals(30, summary.get("rows").asInt());
        assertEquals(30, summary.get("counts").get("SUCCESS").asInt());
    }

    @Test
    void anOutboxThatCannotBeWrittenStopsTheFileWhichResumesWhenItCanAgain() throws Exception {
        List<String> users = Users.ids(40);
        start(users, Duration.ofMillis(30), Map.of("webex.concurrency", "1"));

        pindrop.drop("pins.csv", Users.csv(users));
        await().until(() -> simulator.calls().stream().filter(c -> c.operation().equals("SetUser")).count() >= 10);
        // the disk fills up, or someone replaces the outbox: it can no longer be written
        Path moved = root.resolve("outbox-before");
        Files.move(pindrop.outbox, moved);
        Files.writeString(pindrop.outbox, "not a folder");

        await().until(() -> Files.exists(pindrop.inbox.resolve("pins.csv")));
        assertFalse(Files.exists(moved.resolve("pins.summary.json")), "nothing half done is published");
        int sentWhileStopped = simulator.calls().size();
        // the gate is closed: nothing is sent while the outbox cannot be written
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> simulator.calls().size() == sentWhileStopped);

        Files.delete(pindrop.outbox);
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(40, summary.get("counts").get("SUCCESS").asInt());
        users.forEach(user -> assertEquals(1, simulator.successfulSetUserCalls(user), user + " was sent once"));
        await().until(() -> Files.exists(pindrop.inbox.resolve(".done/pins.csv")));
    }

    @Test
    void aSecondPindropOnTheSameStateFolderDoesNotStartAndSaysWhy() throws Exception {
        List<String> users = Users.ids(3);
        start(users, Duration.ZERO, Map.of());

        Exception refused = assertThrows(Exception.class, () -> RunningPindrop.against(simulator, root, Map.of()));

        assertTrue(causes(refused).anyMatch(m -> m.contains("another pindrop is running on the state folder")),
                refused.toString());
        pindrop.drop("pins.csv", Users.csv(users));
        assertEquals(3, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt(), "the first one runs on");
    }

    private static Stream<String> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).map(t -> String.valueOf(t.getMessage()));
    }

    private void start(List<String> users, Duration latency, Map<String, String> properties) throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).latency(latency).build().start();
        pindrop = RunningPindrop.against(simulator, root, properties);
    }

    private List<String> webExIds(String base) throws IOException {
        return pindrop.results(base).stream().map(r -> r.get("webExId")).toList();
    }
}
