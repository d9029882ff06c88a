package pindrop.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import pindrop.durable.DurableFiles;

/**
 * What must survive a restart about each account: SetUser calls made in the current quota window, when that
 * window began, and until when the account rests after Webex said its budget was spent. Kept in
 * {@code state/accounts.json}, written aside, forced and renamed ({@link DurableFiles}) so neither a crash nor a
 * power cut leaves half a file.
 */
final class AccountLedger {

    /** One account's entry; the secret is never stored. */
    record Entry(int calls, Instant windowStart, Instant restUntil, String why) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final DurableFiles durable = new DurableFiles();

    AccountLedger(Path stateDir) {
        this.file = stateDir.resolve("accounts.json");
    }

    Map<String, Entry> load() throws IOException {
        if (!Files.exists(file)) {
            return new HashMap<>();
        }
        Map<String, Entry> entries = new HashMap<>();
        JSON.readTree(file.toFile()).fields().forEachRemaining(f -> entries.put(f.getKey(), new Entry(
                f.getValue().path("calls").asInt(),
                instant(f.getValue().path("windowStart").asText(null)),
                instant(f.getValue().path("restUntil").asText(null)),
                f.getValue().path("why").asText(""))));
        return entries;
    }

    void save(Map<String, Entry> entries) throws IOException {
        Map<String, Map<String, Object>> out = new HashMap<>();
        entries.forEach((id, e) -> {
            Map<String, Object> m = new HashMap<>();
            m.put("calls", e.calls());
            m.put("windowStart", e.windowStart() == null ? null : e.windowStart().toString());
            m.put("restUntil", e.restUntil() == null ? null : e.restUntil().toString());
            m.put("why", e.why());
            out.put(id, m);
        });
        durable.replace(file, stream -> JSON.writeValue(stream, out));
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}
