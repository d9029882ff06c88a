package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** pindrop's output read in its log format (pindrop.log.format): text lines, or one JSON object per line. */
final class LogLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean json;

    LogLines(String format) {
        this.json = format.equals("json");
    }

    boolean isDebug(String line) {
        return json ? node(line).path("level").asText().equals("DEBUG") : line.contains(" DEBUG ");
    }

    /** The line as it reads with JSON's escapes undone: each text value of the object, a line each. */
    String decoded(String line) {
        if (!json) {
            return line;
        }
        List<String> values = new ArrayList<>();
        collect(node(line), values);
        return String.join("\n", values);
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isValueNode()) {
            values.add(node.asText());
        }
        node.forEach(child -> collect(child, values));
    }

    boolean hasStackTrace(String line) {
        return json ? node(line).path("throwable").has("stepArray") : line.startsWith("\tat ");
    }

    /**
     * JSON: every line parses and has a timestamp, level, logger and message; every line pindrop's batch writes
     * about a file (its "NAME: N rows" line, its progress and outcome lines) names the file and its job as fields,
     * and the lines about a row's call (DEBUG, the tracer) its file, row and account too.
     */
    void assertWellFormed(List<String> lines) {
        if (!json) {
            return;
        }
        List<String> aboutAFile = new ArrayList<>();
        List<String> aboutACall = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = node(line);
            for (String field : List.of("timestamp", "level", "loggerName", "formattedMessage")) {
                assertTrue(node.hasNonNull(field), field + " in " + line);
            }
            String message = node.get("formattedMessage").asText();
            if (node.get("loggerName").asText().startsWith("pindrop.batch.") && message.matches("pins\\.csv: \\d+ rows.*")) {
                aboutAFile.add(line);
                assertEquals("pins.csv", node.path("mdc").path("file").asText(), line);
                assertEquals("hostpin", node.path("mdc").path("job").asText(), line);
            }
            JsonNode mdc = node.path("mdc");
            if (mdc.path("file").asText().equals("pins.csv") && mdc.path("row").asText().matches("\\d+")
                    && mdc.path("account").asText().endsWith("@acme.com")) {
                aboutACall.add(line);
            }
        }
        assertTrue(!aboutAFile.isEmpty(), "the file's first line was logged");
        assertTrue(!aboutACall.isEmpty(), "the lines about a row's call name its file, row and account as fields");
    }

    private static JsonNode node(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
