package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** The audio PIN job (routes/audio-pin.camel.yaml): inbox/audio-pin/ sets phones/PIN, beside the host PIN job. */
class AudioPinTest extends SiteTest {

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com", "carol@acme.com", "dave@acme.com")).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
    }

    @Test
    void setsTheAudioPinUnderTheSameRulesAndLeavesTheHostPinAlone() throws Exception {
        pindrop.drop("audio-pin", "phones.csv", """
                User ID/Email,Audio PIN,department
                alice@acme.com,4821,Sales
                bob@acme.com,0379,Sales
                carol@acme.com,1234,Finance
                dave@acme.com,379,Finance
                alice@acme.com,6120,Sales
                """);

        JsonNode summary = pindrop.awaitSummary("phones");
        List<Map<String, String>> results = pindrop.results("phones");

        assertEquals("audio-pin", summary.get("job").asText());
        assertEquals(List.of("SUCCESS", "SUCCESS", "INVALID", "INVALID", "INVALID"),
                results.stream().map(r -> r.get("status")).toList());
        assertTrue(results.get(2).get("reason").contains("sequence"), results.get(2).toString());
        assertTrue(results.get(3).get("reason").contains("leading zero"), results.get(3).toString());
        assertTrue(results.get(4).get("reason").contains("row 2"), results.get(4).toString());
        assertEquals("4821", simulator.audioPin("alice@acme.com"));
        assertEquals("0379", simulator.audioPin("bob@acme.com"));
        assertNull(simulator.audioPin("carol@acme.com"), "an INVALID row is never sent");
        assertNull(simulator.hostPin("alice@acme.com"), "the audio PIN job leaves the host PIN alone");
        await().until(() -> Files.exists(pindrop.inbox.resolve("audio-pin/.done/phones.csv")));
    }

    @Test
    void aFileWithoutAPinColumnIsRejectedNamingTheColumnsItAccepts() throws Exception {
        pindrop.drop("audio-pin", "phones.csv", "webExId,hostcode\nalice@acme.com,4821\n");

        JsonNode summary = pindrop.awaitSummary("phones");

        assertEquals("REJECTED", summary.get("status").asText());
        assertEquals("audio-pin", summary.get("job").asText());
        assertTrue(summary.get("reason").asText().contains("PIN or audio PIN"), summary.toString());
        await().until(() -> Files.exists(pindrop.inbox.resolve("audio-pin/.failed/phones.csv")));
    }

    /** The outbox is shared: a second report of one name becomes NAME-2, and each summary names its job. */
    @Test
    void theSameSheetForBothJobsSetsBothPinsAndKeepsBothReports() throws Exception {
        String sheet = "webExId,PIN\nalice@acme.com,4821\nbob@acme.com,0379\n";
        pindrop.drop("audio-pin", "pins.csv", sheet);
        pindrop.drop("pins.csv", sheet);

        Set<String> jobs = Stream.of(pindrop.awaitSummary("pins"), pindrop.awaitSummary("pins-2"))
                .peek(summary -> assertEquals(2, summary.get("counts").get("SUCCESS").asInt(), summary.toString()))
                .map(summary -> summary.get("job").asText()).collect(Collectors.toSet());

        assertEquals(Set.of("hostpin", "audio-pin"), jobs);
        for (String user : List.of("alice@acme.com", "bob@acme.com")) {
            assertEquals(simulator.hostPin(user), simulator.audioPin(user), user);
        }
        assertEquals("0379", simulator.audioPin("bob@acme.com"));
    }
}
