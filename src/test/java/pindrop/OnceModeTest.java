package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once} as cron runs it: a separate process, no site configured (so the built-in simulator), exit 0
 * when every file got its outcome files, non-zero when one could not be processed at all.
 */
class OnceModeTest {

    @TempDir
    Path root;

    @Test
    void demoRunProcessesTheSampleAndExitsZero() throws Exception {
        PindropProcess once = new PindropProcess(root);

        assertEquals(0, once.runOnce(Map.of(), List.of()), once::output);
        JsonNode summary = new ObjectMapper().readTree(root.resolve("outbox/pins.summary.json").toFile());
        assertTrue(summary.get("simulated").asBoolean());
        assertEquals("COMPLETED", summary.get("status").asText());
        assertEquals(10, summary.get("rows").asInt());
        assertEquals(10, RunningPindrop.csv(root.resolve("outbox/pins.results.csv")).size());
        assertTrue(Files.exists(root.resolve("inbox/.done/pins.csv")));
    }

    @Test
    void aRejectedFileMakesTheExitCodeNonZero() throws Exception {
        Files.createDirectories(root.resolve("inbox"));
        Files.write(root.resolve("inbox/empty.csv"), new byte[0]);
        Files.writeString(root.resolve("inbox/good.csv"), "webExId,hostPIN\nalice@example.com,4821\n");

        PindropProcess once = new PindropProcess(root);

        assertEquals(1, once.runOnce(Map.of("PINDROP_SIMULATOR_SAMPLE", ""), List.of()), once::output);
        JsonNode rejected = new ObjectMapper().readTree(root.resolve("outbox/empty.summary.json").toFile());
        assertEquals("REJECTED", rejected.get("status").asText());
        JsonNode good = new ObjectMapper().readTree(root.resolve("outbox/good.summary.json").toFile());
        assertEquals(1, good.get("counts").get("SUCCESS").asInt());
    }
}
