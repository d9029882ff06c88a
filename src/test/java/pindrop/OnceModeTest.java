package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        Process run = pindropOnce(Map.of());

        assertEquals(0, exitOf(run), this::output);
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

        Process run = pindropOnce(Map.of("PINDROP_SIMULATOR_SAMPLE", ""));

        assertEquals(1, exitOf(run), this::output);
        JsonNode rejected = new ObjectMapper().readTree(root.resolve("outbox/empty.summary.json").toFile());
        assertEquals("REJECTED", rejected.get("status").asText());
        JsonNode good = new ObjectMapper().readTree(root.resolve("outbox/good.summary.json").toFile());
        assertEquals(1, good.get("counts").get("SUCCESS").asInt());
    }

    private Process pindropOnce(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Pindrop.class.getName(), "--once")
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("pindrop.out").toFile());
        Map<String, String> environment = builder.environment();
        List.of("WEBEX_SITE", "WEBEX_URL", "WEBEX_ACCOUNT_1_ID", "WEBEX_ACCOUNT_1_PASSWORD").forEach(environment::remove);
        environment.put("PINDROP_INBOX", root.resolve("inbox").toString());
        environment.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        environment.put("PINDROP_STATE", root.resolve("state").toString());
        environment.putAll(env);
        return builder.start();
    }

    private int exitOf(Process run) throws Exception {
        if (!run.waitFor(90, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("pindrop --once did not exit; " + output());
        }
        return run.exitValue();
    }

    private String output() {
        try {
            return "pindrop's output:\n" + Files.readString(root.resolve("pindrop.out"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
