package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/** The status page, its JSON, Camel's health and Prometheus metrics, over real HTTP while pindrop runs. */
class LiveStatusTest {

    @TempDir
    Path root;
    WebexSimulator simulator;
    RunningPindrop pindrop;
    StatusClient status;

    @AfterEach
    void stop() {
        if (pindrop != null) {
            pindrop.close();
        }
        simulator.close();
    }

    @Test
    void jsonFollowsASlowRunRowByRowAndCountsTheAccountsCalls() throws Exception {
        List<String> users = Users.ids(60);
        simulator = admin().users(users).latency(Duration.ofMillis(50)).build().start();
        start(Map.of("webex.concurrency", "1"));

        pindrop.drop("pins.csv", Users.csv(users));
        List<Long> done = new ArrayList<>();
        JsonNode seen = null;
        while (!pindrop.outbox.resolve("pins.summary.json").toFile().exists()) {
            JsonNode now = status.status();
            if (now.get("files").size() == 1) {
                seen = now;
                done.add(now.get("files").get(0).get("done").asLong());
            }
            Thread.sleep(100);
        }

        assertTrue(done.stream().distinct().count() >= 5, "progress seen growing: " + done);
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) >= done.get(i - 1), "progress never goes back: " + done);
        }
        JsonNode file = seen.get("files").get(0);
        assertEquals("pins.csv", file.get("file").asText());
        assertEquals("hostpin", file.get("job").asText());
        assertFalse(file.get("dryRun").asBoolean());
        assertEquals(60, file.get("rows").asInt());
        assertEquals(file.get("done").asLong(), file.get("counts").get("SUCCESS").asLong(), file.toString());
        assertTrue(file.get("rowsPerSecond").asDouble() > 0, file.toString());
        assertTrue(file.get("etaSeconds").isNumber(), file.toString());
        JsonNode account = seen.get("accounts").get(0);
        assertEquals("admin1@acme.com", account.get("id").asText());
        assertEquals("READY", account.get("state").asText());
        assertTrue(account.get("inUse").asBoolean());
        assertTrue(account.get("calls").asInt() >= file.get("done").asInt(), account.toString());
        assertTrue(account.get("learnedLimitPerMinute").isNull(), "no 000045, nothing learned: " + account);
        assertTrue(account.get("pacePerMinute").asDouble() > 0, account.toString());
        assertTrue(seen.get("site").get("learnedLimitPerMinute").isNull(), seen.get("site").toString());

        pindrop.awaitSummary("pins");
        JsonNode after = status.status();
        assertEquals(0, after.get("files").size(), "a finished file is no longer in progress");
        assertEquals(60, after.get("accounts").get(0).get("calls").asInt());
        assertTrue(after.get("accountUsable").asBoolean());
    }

    @Test
    void pageShowsTheFileWithAProgressBarAndTheCountsEscapedAndRefreshesItself() throws Exception {
        List<String> users = Users.ids(40);
        simulator = admin().users(users).latency(Duration.ofMillis(50)).build().start();
        start(Map.of("webex.concurrency", "1"));

        // a name a browser would otherwise read as markup
        pindrop.drop("o'brien&<b>co.csv", Users.csv(users));
        await().atMost(Duration.ofSeconds(30)).until(() -> status.status().get("files").size() == 1);
        HttpResponse<String> page = status.get("/status");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<meta http-equiv=\"refresh\""), html);
        assertFalse(html.contains("<script"), "no script needed");
        assertTrue(html.contains("o&#39;brien&amp;&lt;b&gt;co.csv"), html);
        assertFalse(html.contains("<b>co"), "the file name is escaped");
        assertTrue(html.matches("(?s).*<progress class=\"rows\" value=\"\\d+\" max=\"40\">.*"), html);
        assertTrue(html.contains("data-status=\"SUCCESS\""), html);
        assertTrue(html.contains("admin1@acme.com") && html.contains("ready, in use"), html);
        pindrop.awaitSummary("o_brien__b_co");
    }

    @Test
    void healthIsUpWhileAnAccountCanTakeCalls() throws Exception {
        simulator = admin().build().start();
        start(Map.of());

        // Camel's consumer check is DOWN until the inbox was polled once
        await().atMost(Duration.ofSeconds(10)).until(() -> status.get("/observe/health").statusCode() == 200);
        assertTrue(status.get("/observe/health").body().contains("\"UP\""));
    }

    @Test
    void healthIsDownWithTheReasonWhenTheOnlyAccountIsNotASiteAdmin() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE)
                .account("admin1@acme.com", "admin1-secret", false).build().start();
        start(Map.of());

        HttpResponse<String> health = status.get("/observe/health");

        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"DOWN\""), health.body());
        assertTrue(health.body().contains("no admin account can take a call now"), health.body());
        assertTrue(health.body().contains("admin1@acme.com is not a site admin"), health.body());
        JsonNode json = new ObjectMapper().readTree(health.body());
        assertEquals("DOWN", json.get("status").asText(), "Camel's health JSON stays valid with the reason in it");
        String page = status.get("/status").body();
        assertTrue(page.contains("Files wait in the inbox: no admin account can take a call now"), page);
        assertTrue(page.contains("set aside"), page);
    }

    @Test
    void metricsCountRowsByStatusAndCallsByAccountAndResult() throws Exception {
        List<String> users = Users.ids(9);
        simulator = admin().users(users).build().start();
        start(Map.of());
        List<String> rows = new ArrayList<>(users);
        rows.add("nobody@acme.com");

        pindrop.drop("pins.csv", Users.csv(rows));
        pindrop.awaitSummary("pins");
        String metrics = status.get("/observe/metrics").body();

        String rowsOf = "pindrop_rows_total{dry_run=\"false\",job=\"hostpin\",status=";
        assertTrue(metrics.contains(rowsOf + "\"SUCCESS\"} 9.0"), metrics);
        assertTrue(metrics.contains(rowsOf + "\"FAILURE\"} 1.0"), metrics);
        assertTrue(metrics.contains("pindrop_webex_calls_total{account=\"admin1@acme.com\",result=\"030001\"} 1.0"),
                metrics);
        // nine SetUser calls, the account's GetUser check and its sign-in (AuthenticateUser), counted apart too
        assertTrue(metrics.contains("pindrop_webex_calls_total{account=\"admin1@acme.com\",result=\"SUCCESS\"} 11.0"),
                metrics);
        assertTrue(metrics.contains("pindrop_webex_signins_total{account=\"admin1@acme.com\"} 1.0"), metrics);
        assertTrue(metrics.contains("pindrop_pace{account=\"admin1@acme.com\""), metrics);
        assertTrue(metrics.contains("pindrop_pace_limit_learned{account=\"admin1@acme.com\""), metrics);
    }

    @Test
    void everyCallIsCountedByWhatCameBackAndThrottleWaitsAreTimed() throws Exception {
        List<String> users = Users.ids(30);
        simulator = admin().users(users).http503Rate(0.2).resetRate(0.1).seed(3).build().start();
        start(Map.of("webex.rate", "20"));

        pindrop.drop("pins.csv", Users.csv(users));
        pindrop.awaitSummary("pins");
        String metrics = status.get("/observe/metrics").body();

        assertTrue(metrics.contains("result=\"HTTP 503\""), metrics);
        assertEquals(simulator.calls().size(), sum(metrics, "pindrop_webex_calls_total{"), "every call is counted");
        assertTrue(sum(metrics, "pindrop_throttle_wait_seconds_count{") >= simulator.calls().size(), metrics);
    }

    @Test
    void withoutTheStatusServerNothingListensAndFilesAreProcessedAsEver() throws Exception {
        List<String> users = Users.ids(5);
        simulator = admin().users(users).build().start();
        status = StatusClient.onFreePort();
        Map<String, String> off = new LinkedHashMap<>(status.properties());
        off.put("pindrop.status.enabled", "false");
        pindrop = RunningPindrop.against(simulator, root, off);

        pindrop.drop("pins.csv", Users.csv(users));

        assertEquals(5, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertThrows(ConnectException.class, () -> status.get("/status"));
    }

    /** The sum of a metric's samples over all its tags, in Prometheus' text format. */
    private static double sum(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static WebexSimulator.Builder admin() {
        return WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret");
    }

    private void start(Map<String, String> properties) throws Exception {
        status = StatusClient.onFreePort();
        Map<String, String> all = new LinkedHashMap<>(status.properties());
        all.putAll(properties);
        pindrop = RunningPindrop.against(simulator, root, all);
    }
}
