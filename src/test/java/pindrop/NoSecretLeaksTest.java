package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pindrop.simulator.TestCertificates;
import pindrop.simulator.WebexSimulator;

/**
 * A full {@code --once} run with DEBUG logging for everything (pindrop, Camel, HttpClient), with successes,
 * refusals, local rejections, retried faults, an expired token, a wrong password and a rejected file, session
 * tickets and an OAuth integration account: no password, token, client secret, refresh token, session ticket or
 * PIN of the run appears in any line pindrop printed or in any file it wrote.
 */
class NoSecretLeaksTest extends SiteTest {

    static final String WRONG_PASSWORD = "Wr0ng-pa55word-of-admin1";
    static final String TOKEN = "tok3n-Of-Admin2-xyzzy";
    static final String PASSWORD = "pa55word-Of-Admin3-plugh";
    static final String CLIENT_SECRET = "cl1ent-S3cret-of-the-integration";
    static final String REFRESH_TOKEN = "r3fresh-T0ken-Of-Admin4-frotz";
    static final TestCertificates CERTIFICATES = TestCertificates.get();

    /** PINs Webex accepts, chosen so no timestamp, port or setting of a run looks like one. */
    static final List<String> GOOD_PINS = List.of("5836", "6158", "7294", "8461", "9527", "5682", "6971", "7358",
            "8149", "9263", "5417", "6702", "7815", "8394");

    /** In both log formats; in JSON, every line is one object and the lines about a file name it and its job. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void noPasswordTokenOrPinInTheDebugLogOrInAnyFileWritten(String format) throws Exception {
        LogLines log = new LogLines(format);
        List<String> known = Users.ids(GOOD_PINS.size() - 2);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE)
                .admin("admin1@acme.com", "the-real-password")
                // the token pindrop has is no longer Webex's: refused at the account's check. (It used to expire
                // after admin2's 8th SetUser, which needed accounts used one after another; now they share the rows.)
                .tokenAdmin("admin2@acme.com", "the-renewed-token")
                .admin("admin3@acme.com", PASSWORD)
                // an integration account: its access token fetched at start, its refresh token rotated and kept,
                // a sign-in with its access token; not a site admin, so it takes no row from the others' story
                .oauth("pindrop-client", CLIENT_SECRET).oauthAccount("admin4@acme.com", REFRESH_TOKEN, false)
                .rotateRefreshTokens(true)
                .users(known)
                .http503Rate(0.15).backendFaultRate(0.10).resetRate(0.05).seed(5)
                .tls(CERTIFICATES.serverContext()).build().start();
        List<String> rows = new ArrayList<>();
        List<String> pins = new ArrayList<>(GOOD_PINS);
        for (int i = 0; i < known.size(); i++) {
            rows.add(known.get(i) + "," + GOOD_PINS.get(i));
        }
        rows.add("nobody@acme.com," + GOOD_PINS.get(known.size()));      // 030001: FAILURE
        rows.add("ghost@acme.com," + GOOD_PINS.get(known.size() + 1));   // 030001: FAILURE
        rows.add("weak1@acme.com,5555");                                  // INVALID, never sent
        rows.add("weak2@acme.com,6789");
        pins.addAll(List.of("5555", "6789"));
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Files.writeString(inbox.resolve("pins.csv"), "webExId,hostPIN\n" + String.join("\n", rows) + "\n");
        // a file whose results cannot be written (a folder is in the way): Camel logs its exception with the stack trace
        Files.writeString(inbox.resolve("blocked.csv"), "webExId,hostPIN\nblocked@acme.com,8527\n");
        Files.createDirectories(root.resolve("outbox/.blocked.results.csv.part"));
        pins.add("8527");

        PindropProcess once = new PindropProcess(root);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WEBEX_SITE", RunningPindrop.SITE);
        env.put("WEBEX_URL", simulator.endpoint().toString());
        env.put("WEBEX_ACCOUNT_1_ID", "admin1@acme.com");
        env.put("WEBEX_ACCOUNT_1_PASSWORD", WRONG_PASSWORD);
        env.put("WEBEX_ACCOUNT_2_ID", "admin2@acme.com");
        env.put("WEBEX_ACCOUNT_2_TOKEN", TOKEN);
        env.put("WEBEX_ACCOUNT_3_ID", "admin3@acme.com");
        env.put("WEBEX_ACCOUNT_3_PASSWORD", PASSWORD);
        env.put("WEBEX_ACCOUNT_4_ID", "admin4@acme.com");
        env.put("WEBEX_ACCOUNT_4_REFRESH_TOKEN", REFRESH_TOKEN);
        env.put("WEBEX_OAUTH_CLIENT_ID", "pindrop-client");
        env.put("WEBEX_OAUTH_CLIENT_SECRET", CLIENT_SECRET);
        env.put("WEBEX_OAUTH_TOKEN_URL", simulator.tokenUrl().toString());
        env.put("WEBEX_TRUSTSTORE", CERTIFICATES.trustStore().file().toString());
        env.put("WEBEX_TRUSTSTORE_PASSWORD", CERTIFICATES.trustStore().password());
        env.put("WEBEX_RATE", "1000");
        env.put("WEBEX_RETRY_DELAY_MS", "20");
        env.put("WEBEX_RETRIES", "8"); // a row outlasts any run of faults, so every good row ends SUCCESS
        env.put("WEBEX_CONCURRENCY", "2");
        // Webex's minute shrunk to 3 s, as RunningPindrop does: the default pace starts at a call a second
        env.put("WEBEX_RATE_LIMIT_WINDOW", "3s");
        env.put("WEBEX_RATE_LIMIT_PAUSE", "3s");
        env.put("PINDROP_READ_LOCK_INTERVAL_MS", "100");
        // Camel's tracer logs every exchange with its body: the envelope, the row document
        env.put("CAMEL_MAIN_TRACING", "true");
        env.put("PINDROP_LOG_FORMAT", format);
        int exit = once.runOnce(env, List.of("-Dpindrop.log.level=debug"));

        assertEquals(1, exit, "blocked.csv is rejected; " + once.output());
        List<String> lines = once.lines();
        log.assertWellFormed(lines);
        assertTrue(lines.stream().anyMatch(log::isDebug), "DEBUG logging was on");
        assertTrue(lines.stream().map(log::decoded).anyMatch(l -> l.contains("<sessionTicket>xxxxx</sessionTicket>")),
                "the tracer printed envelopes with session tickets");
        assertTrue(lines.stream().map(log::decoded).anyMatch(l -> l.contains("<accessToken>xxxxx</accessToken>")),
                "the tracer printed admin2's sign-in with its access token");
        assertTrue(lines.stream().anyMatch(log::hasStackTrace), "a stack trace was logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains("renew WEBEX_ACCOUNT_2_TOKEN")), "the token was refused");
        assertTrue(simulator.calls().stream().anyMatch(c -> c.httpStatus() == 503), "a call was retried");
        JsonNode counts = new ObjectMapper().readTree(root.resolve("outbox/pins.summary.json").toFile()).get("counts");
        assertEquals(12, counts.get("SUCCESS").asInt(), counts::toString);
        assertEquals(2, counts.get("FAILURE").asInt(), counts::toString);
        assertEquals(2, counts.get("INVALID").asInt(), counts::toString);

        assertTrue(simulator.signIns("admin3@acme.com") > 0, "admin3's calls carried a session ticket");
        assertTrue(simulator.tokenRefreshes("admin4@acme.com") > 0, "admin4 fetched an access token");
        // its access token went out in a sign-in (which the seeded faults may have answered with a fault)
        assertTrue(simulator.calls().stream().anyMatch(c -> c.caller().equalsIgnoreCase("admin4@acme.com")
                && c.operation().equals("AuthenticateUser")), "admin4 signed in with its access token");
        // session tickets, access tokens and rotated refresh tokens the simulator issued during the run
        List<String> issued = WebexSimulator.issuedSecrets();
        List<Pattern> secrets = Stream.concat(Stream.of(WRONG_PASSWORD, TOKEN, PASSWORD, CLIENT_SECRET, REFRESH_TOKEN,
                CERTIFICATES.trustStore().password()), issued.stream())
                .map(secret -> Pattern.compile(Pattern.quote(secret))).toList();
        // a PIN as a number of its own: not inside a longer one, nor inside a hex identity hash (Saxon@6702c91)
        List<Pattern> pinPatterns = pins.stream()
                .map(pin -> Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])")).toList();
        List<String> leaks = new ArrayList<>();
        // as printed, and (JSON) with its escapes undone
        List<String> decoded = lines.stream().map(log::decoded).toList();
        search("output", lines, secrets, leaks);
        search("output", lines, pinPatterns, leaks);
        search("output", decoded, secrets, leaks);
        search("output", decoded, pinPatterns, leaks);
        for (Path file : files(root.resolve("outbox"), root.resolve("state"))) {
            // the one file meant to hold a refresh token: pindrop's own, readable by its owner only
            if (file.getFileName().toString().equals("refresh-tokens.json")) {
                continue;
            }
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            search(root.relativize(file).toString(), content, secrets, leaks);
            // the retry file is an input to drop again: it holds the PINs of the rows still to do, as the input does
            if (!file.getFileName().toString().endsWith(".retry.csv")) {
                search(root.relativize(file).toString(), content, pinPatterns, leaks);
            }
        }
        assertEquals(List.of(), leaks, () -> leaks.size() + " leaks; " + lines.size() + " lines of output");
    }

    private static void search(String where, List<String> lines, List<Pattern> secrets, List<String> leaks) {
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern secret : secrets) {
                if (secret.matcher(lines.get(i)).find()) {
                    leaks.add(where + ":" + (i + 1) + " " + secret + ": " + lines.get(i));
                }
            }
        }
    }

    private static List<Path> files(Path... folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }
}
