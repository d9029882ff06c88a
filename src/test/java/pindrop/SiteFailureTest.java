package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * When the whole site answers every SetUser with the same error no row causes, pindrop stops spending calls:
 * the rows not sent and the rows that got the answer are DEFERRED, in the retry file, with the code and why.
 */
class SiteFailureTest extends SiteTest {

    private static final String UNKNOWN = "110099";

    @Test
    void anUnknownCodeForEveryUserStopsTheRunWithinTwentyCalls() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .anyUser(true).siteFailsAfter(40, UNKNOWN, "Back end unavailable").build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.concurrency", "4",
                "pindrop.site-failure.back-off", "1h"));

        pindrop.drop("pins.csv", rows(300));
        JsonNode summary = pindrop.awaitSummary("pins");

        long spentAfterFailure = simulator.calls().stream().filter(c -> c.exceptionId().equals(UNKNOWN)).count();
        assertTrue(spentAfterFailure <= 20, spentAfterFailure + " calls after the site failed");
        assertEquals(40, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(260, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertTrue(summary.get("siteFailure").asText().contains(UNKNOWN), summary::toString);
        List<Map<String, String>> results = pindrop.results("pins");
        assertEquals(300, results.size());
        results.stream().filter(r -> !r.get("status").equals("SUCCESS")).forEach(r -> {
            assertEquals("DEFERRED", r.get("status"), r::toString);
            assertTrue(r.get("reason").contains(UNKNOWN) && r.get("reason").contains("whole site"), r::toString);
        });
        assertEquals(260, pindrop.retries("pins").size());
        String report = java.nio.file.Files.readString(pindrop.outbox.resolve("pins.report.html"));
        assertTrue(report.contains("the whole site failed"), "the report's next steps say why");
    }

    @Test
    void aSuspendedSiteStopsTheRunAtOnce() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .anyUser(true).siteFailsAfter(5, "010107", "The site is suspended").build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.concurrency", "4",
                "pindrop.site-failure.back-off", "1h"));

        pindrop.drop("pins.csv", rows(100));
        JsonNode summary = pindrop.awaitSummary("pins");

        long suspended = simulator.calls().stream().filter(c -> c.exceptionId().equals("010107")).count();
        assertTrue(suspended <= 4, suspended + " calls answered 010107: only the calls in flight may follow the first");
        assertEquals(5, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(95, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertEquals(95, pindrop.retries("pins").size());
    }

    @Test
    void inServiceModeTheFileCompletesOnceTheSiteRecovers() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .anyUser(true).siteFailsAfter(5, UNKNOWN, "Back end unavailable").build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.concurrency", "2",
                "pindrop.site-failure.threshold", "3", "pindrop.site-failure.back-off", "1s",
                "pindrop.deferred-check-interval", "1s"));

        pindrop.drop("pins.csv", rows(30));
        JsonNode first = pindrop.awaitSummary("pins");
        assertTrue(first.get("counts").get("DEFERRED").asInt() > 0, first::toString);
        simulator.recover();

        await().atMost(Duration.ofSeconds(60)).until(() -> pindrop.results("pins").stream()
                .allMatch(r -> r.get("status").equals("SUCCESS")));
        assertEquals(30, pindrop.results("pins").size());
        assertEquals(0, pindrop.retries("pins").size());
    }

    @Test
    void tenUsersNotFoundInARowDoNotStopTheRun() throws Exception {
        List<String> known = IntStream.range(0, 5).mapToObj(i -> "known" + i + "@acme.com").toList();
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(known).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.concurrency", "1"));
        String unknown = IntStream.range(0, 12).mapToObj(i -> "gone" + i + "@acme.com,4821\n")
                .collect(Collectors.joining());
        String rest = known.stream().map(u -> u + ",4821\n").collect(Collectors.joining());

        pindrop.drop("pins.csv", "webExId,hostPIN\n" + unknown + rest);
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(12, summary.get("counts").get("FAILURE").asInt(), summary::toString);
        assertEquals(5, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(0, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertTrue(pindrop.results("pins").stream().filter(r -> r.get("status").equals("FAILURE"))
                .allMatch(r -> r.get("exceptionId").equals("030001")));
    }

    @Test
    void onceExits3WhenTheWholeSiteFailed() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .anyUser(true).siteFailsAfter(2, "010107", "The site is suspended").build().start();
        java.nio.file.Files.createDirectories(root.resolve("inbox"));
        java.nio.file.Files.writeString(root.resolve("inbox/pins.csv"), rows(20));

        RunningPindrop.Once once = RunningPindrop.once(simulator, root, Map.of());

        assertEquals(3, once.exit(), once::log);
        assertTrue(once.log().contains("010107"), once::log);
        assertEquals(18, RunningPindrop.csv(root.resolve("outbox/pins.retry.csv")).size());
    }

    private static String rows(int n) {
        return "webExId,hostPIN\n" + IntStream.range(0, n).mapToObj(i -> "user" + i + "@acme.com,4821\n")
                .collect(Collectors.joining());
    }
}
