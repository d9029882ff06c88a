package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** pindrop.routes.reload: a job route added to or changed in routes/ while pindrop runs takes files at once. */
class RouteReloadTest extends SiteTest {

    @Test
    void aRouteAddedAtRunTimeTakesFilesAndAChangeToItAppliesWithoutARestart() throws Exception {
        Path routes = start(List.of("alice@acme.com", "bob@acme.com"), Duration.ZERO, Map.of());

        install(routes, "night-pin");
        pindrop.drop("night-pin", "night.csv", "webExId,PIN\nalice@acme.com,4821\n");

        JsonNode summary = pindrop.awaitSummary("night");
        assertEquals("night-pin", summary.get("job").asText());
        assertEquals(1, summary.get("counts").get("SUCCESS").asInt());
        assertEquals("4821", simulator.audioPin("alice@acme.com"));

        // the same route, now watching another folder
        install(routes, "late-pin");
        pindrop.drop("late-pin", "late.csv", "webExId,PIN\nbob@acme.com,5821\n");

        assertEquals(1, pindrop.awaitSummary("late").get("counts").get("SUCCESS").asInt());
        assertEquals("5821", simulator.audioPin("bob@acme.com"));
    }

    @Test
    void aFileInProgressWhenItsRouteIsReloadedIsFinishedByTheNewRouteWithoutSendingARowTwice() throws Exception {
        List<String> users = Users.ids(40);
        Path routes = start(users, Duration.ofMillis(30), Map.of("webex.concurrency", "1"));
        StringBuilder csv = new StringBuilder("webExId,PIN\n");
        for (int i = 0; i < users.size(); i++) {
            csv.append(users.get(i)).append(',').append(Users.pin(i)).append('\n');
        }
        pindrop.drop("audio-pin", "phones.csv", csv.toString());
        await().until(() -> simulator.calls().size() >= 10);

        Path audioPin = routes.resolve("audio-pin.camel.yaml");
        Files.writeString(audioPin, Files.readString(audioPin) + "# reloaded\n");

        JsonNode summary = pindrop.awaitSummary("phones");
        assertEquals(40, summary.get("counts").get("SUCCESS").asInt(), summary.toString());
        users.forEach(user -> assertEquals(1, simulator.successfulSetUserCalls(user), user + " was sent once"));
        assertFalse(Files.exists(pindrop.outbox.resolve("phones-2.summary.json")), "one report, resumed");
    }

    /** pindrop on a copy of routes/ with route reload on; the copy. */
    private Path start(List<String> users, Duration latency, Map<String, String> properties) throws Exception {
        Path routes = JobFilesTest.copyOfRoutes(root);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).latency(latency).build().start();
        Map<String, String> all = new HashMap<>(properties);
        all.put("pindrop.routes", routes.toString());
        all.put("pindrop.routes.reload", "true");
        pindrop = RunningPindrop.against(simulator, root, all);
        return routes;
    }

    /** routes/night-pin.camel.yaml, an audio PIN job on inbox/FOLDER: written aside and renamed in, as deployed. */
    private void install(Path routes, String folder) throws IOException {
        Path staged = root.resolve("night-pin.camel.yaml");
        Files.writeString(staged, """
                - templatedRoute:
                    routeTemplateRef: spreadsheet-job
                    routeId: night-pin
                    parameters:
                      - name: job
                        value: night-pin
                      - name: folder
                        value: "{{pindrop.inbox}}/%s"
                      - name: valueColumn
                        value: PIN
                      - name: stylesheet
                        value: setuser-audiopin.xsl
                """.formatted(folder));
        Files.move(staged, routes.resolve("night-pin.camel.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
}
