package pindrop.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import pindrop.durable.DurableFiles;

/**
 * The per-minute limits pindrop learned from Webex, so a restart does not learn them again at the price of a
 * 000045 each: {@code state/pace.json}, the limits per account id and the site's ({@code ""}) in calls per window,
 * with the window's length, so a changed {@code webex.rate-limit-window} scales them.
 */
final class PaceFile {

    static final String SITE = "";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Duration window;
    private final DurableFiles durable = new DurableFiles();

    PaceFile(Path stateDir, Duration window) {
        this.file = stateDir.resolve("pace.json");
        this.window = window;
    }

    /** The learned limits, scaled to this window; none when nothing was learned yet. */
    Map<String, Integer> load() throws IOException {
        Map<String, Integer> limits = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return limits;
        }
        JsonNode saved = JSON.readTree(file.toFile());
        double scale = (double) window.toMillis() / saved.path("windowMillis").asLong(window.toMillis());
        saved.path("limits").fields().forEachRemaining(
                f -> limits.put(f.getKey(), (int) Math.max(1, Math.floor(f.getValue().asInt() * scale))));
        return limits;
    }

    /** Written aside, forced and renamed, so a crash or a power cut leaves the old file or the new one whole. */
    void save(Map<String, Integer> limits) throws IOException {
        byte[] content = JSON.writeValueAsBytes(Map.of("windowMillis", window.toMillis(), "limits", limits));
        durable.replace(file, out -> out.write(content));
    }
}
