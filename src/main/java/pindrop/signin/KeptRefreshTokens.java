package pindrop.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pindrop.durable.DurableFiles;

/**
 * The refresh tokens pindrop got itself (a rotated one, or one from {@code --authorize}), kept in
 * {@code STATE/refresh-tokens.json}, readable by its owner only, so a restart uses them. Each is kept with a
 * digest of the refresh token configured when it was kept: a configured token that differs from that one is newer
 * (the admin authorised again) and wins.
 */
public final class KeptRefreshTokens {

    static final String FILE = "refresh-tokens.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final DurableFiles durable = new DurableFiles();

    public KeptRefreshTokens(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** The refresh token to use for an account configured with {@code configured} ({@code ""}: none configured). */
    public synchronized Optional<String> forAccount(String accountId, String configured) throws IOException {
        JsonNode kept = read().path(key(accountId));
        if (kept.isMissingNode() || !kept.path("keptFor").asText().equals(digest(configured))) {
            return configured.isEmpty() ? Optional.empty() : Optional.of(configured);
        }
        return Optional.of(kept.path("refreshToken").asText());
    }

    /** The refresh token kept for an account whatever is configured, for an account configured without a secret. */
    public synchronized Optional<String> kept(String accountId) {
        try {
            return Optional.of(read().path(key(accountId)).path("refreshToken").asText("")).filter(t -> !t.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Keeps the refresh token the account uses from now on, while {@code configured} is the configured one. */
    public synchronized void keep(String accountId, String configured, String refreshToken) throws IOException {
        ObjectNode all = read();
        all.putObject(key(accountId)).put("refreshToken", refreshToken).put("keptFor", digest(configured))
                .put("keptAt", Instant.now().toString());
        byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all);
        // written aside, forced, renamed, the folder forced; owner-only from its creation
        durable.replace(file, OWNER_ONLY, out -> out.write(content));
    }

    private ObjectNode read() throws IOException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode all = JSON.readTree(file.toFile());
            if (all instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // Jackson's message quotes the file, which holds tokens
        }
        throw new IOException(file + " is not the JSON pindrop writes: move it away and authorise again");
    }

    private static String key(String accountId) {
        return accountId.toLowerCase(Locale.ROOT);
    }

    private static String digest(String configured) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(configured.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
