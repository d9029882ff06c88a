package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pindrop.simulator.WebexSimulator;

/** Files that cannot be processed at all: REJECTED with a reason, moved to .failed, nothing sent, next file fine. */
class RejectedInputTest extends SiteTest {

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .user("alice@acme.com").build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
    }

    static List<Arguments> unreadableFiles() throws Exception {
        byte[] xlsx = MixedFileTest.xlsx();
        return List.of(
                Arguments.of("empty.csv", new byte[0], "empty"),
                Arguments.of("nopin.csv", "webExId,department\nalice@acme.com,Sales\n".getBytes(StandardCharsets.UTF_8),
                        "hostPIN"),
                Arguments.of("nouser.csv", "name,hostPIN\nAlice,4821\n".getBytes(StandardCharsets.UTF_8), "webExId"),
                Arguments.of("notes.xlsx", "just some text, not a workbook".getBytes(StandardCharsets.UTF_8), "XLSX"),
                Arguments.of("truncated.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), "XLSX"));
    }

    @ParameterizedTest
    @MethodSource("unreadableFiles")
    void isRejectedWithAReasonAndTheNextFileIsProcessed(String name, byte[] content, String reasonMentions)
            throws Exception {
        pindrop.drop(name, content);
        String base = name.substring(0, name.lastIndexOf('.'));

        JsonNode summary = pindrop.awaitSummary(base);

        assertEquals("REJECTED", summary.get("status").asText());
        assertTrue(summary.get("reason").asText().contains(reasonMentions), summary.get("reason").asText());
        assertTrue(summary.get("reason").asText().contains(name), "the reason names the file");
        org.awaitility.Awaitility.await().until(() -> Files.exists(pindrop.inbox.resolve(".failed/" + name)));
        assertFalse(Files.exists(pindrop.outbox.resolve(base + ".results.csv")));
        assertTrue(simulator.calls().stream().noneMatch(call -> call.operation().equals("SetUser")),
                "nothing of a rejected file is sent");

        pindrop.drop("good.csv", "webExId,hostPIN\nalice@acme.com,4821\n");
        assertEquals("COMPLETED", pindrop.awaitSummary("good").get("status").asText());
        assertEquals("4821", simulator.hostPin("alice@acme.com"));
    }
}
