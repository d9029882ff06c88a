package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

import pindrop.simulator.TestCertificates;
import pindrop.simulator.WebexSimulator;

/**
 * pindrop against a site served over HTTPS with a test certificate: trusted only through webex.truststore,
 * refused without it or under a host name the certificate does not name. A refused connection is a
 * configuration problem: before any account could be checked, the file waits in the inbox and
 * pindrop.status.json says what to fix; once rows are under way, they end ERROR with the same words.
 */
class HttpsSiteTest extends SiteTest {

    static final TestCertificates CERTIFICATES = TestCertificates.get();
    static final List<String> USERS = Users.ids(3);

    @Test
    void aCertificateTheTruststoreHoldsIsTrusted() throws Exception {
        simulator = https(CERTIFICATES.serverContext(), 0);
        pindrop = RunningPindrop.against(simulator, root, truststore());

        pindrop.drop("pins.csv", Users.csv(USERS));

        assertEquals(3, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertEquals(Users.pin(0), simulator.hostPin(USERS.get(0)));
    }

    @Test
    void withoutTheTruststoreTheFileWaitsAndTheStatusNamesTheUntrustedCertificate() throws Exception {
        simulator = https(CERTIFICATES.serverContext(), 0);
        pindrop = RunningPindrop.against(simulator, root, Map.of());

        pindrop.drop("pins.csv", Users.csv(USERS));

        String reason = awaitClosedInboxReason();
        assertTrue(reason.contains("TLS: the server's certificate is not trusted (PKIX path building failed"), reason);
        assertTrue(reason.contains("set WEBEX_TRUSTSTORE"), reason);
        assertFileWaitsAndNothingReachedWebex();
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        simulator = https(CERTIFICATES.serverContext(), 0);
        Map<String, String> settings = new LinkedHashMap<>(truststore());
        settings.put("webex.url", simulator.endpoint("127.0.0.1").toString());
        pindrop = RunningPindrop.against(simulator, root, settings);

        pindrop.drop("pins.csv", Users.csv(USERS));

        String reason = awaitClosedInboxReason();
        assertTrue(reason.contains("TLS: the server's certificate does not match the host name of webex.url"), reason);
        assertTrue(reason.contains("127.0.0.1"), reason);
        assertFileWaitsAndNothingReachedWebex();
    }

    @Test
    void rowsUnderWayWhenTheCertificateChangesEndErrorWithTheTlsProblem() throws Exception {
        simulator = https(CERTIFICATES.serverContext(), 0);
        Map<String, String> settings = new LinkedHashMap<>(truststore());
        // one connection at a time, so a retry gets past the connection the first server closed
        settings.put("webex.concurrency", "1");
        settings.put("webex.retries", "2");
        pindrop = RunningPindrop.against(simulator, root, settings);
        pindrop.drop("before.csv", Users.csv(USERS.subList(0, 1)));
        assertEquals(1, pindrop.awaitSummary("before").get("counts").get("SUCCESS").asInt());

        // the same address now shows a certificate nobody trusts, as a misconfigured proxy would
        int port = simulator.endpoint().getPort();
        simulator.close();
        simulator = https(CERTIFICATES.untrustedServerContext(), port);
        pindrop.drop("after.csv", Users.csv(USERS.subList(1, 3)));

        JsonNode summary = awaitSummaryOf("after.csv");
        assertEquals("COMPLETED", summary.get("status").asText(), summary::toString);
        assertEquals(2, summary.get("counts").get("ERROR").asInt(), summary::toString);
        for (Map<String, String> row : pindrop.results("after")) {
            assertTrue(row.get("reason").startsWith("TLS: the server's certificate is not trusted"), row::toString);
        }
        assertEquals(2, pindrop.retries("after").size());
        assertEquals(List.of(), simulator.calls());
    }

    /** The summary written for this input, under whatever name the outbox gave it. */
    private JsonNode awaitSummaryOf(String input) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> files = Files.list(pindrop.outbox)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".summary.json")).toList()) {
                    JsonNode summary = new ObjectMapper().readTree(file.toFile());
                    if (summary.get("file").asText().equals(input)) {
                        return summary;
                    }
                }
                return null;
            }
        }, summary -> summary != null);
    }

    private static WebexSimulator https(SSLContext serverContext, int port) {
        return WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(USERS).tls(serverContext).port(port).build().start();
    }

    private static Map<String, String> truststore() {
        TestCertificates.Store store = CERTIFICATES.trustStore();
        return Map.of("webex.truststore", store.file().toString(), "webex.truststore-password", store.password());
    }

    /** The reason pindrop.status.json gives once the account check has failed. */
    private String awaitClosedInboxReason() {
        Path status = pindrop.outbox.resolve("pindrop.status.json");
        return await().atMost(Duration.ofSeconds(30)).until(() -> reason(status), r -> r.contains("TLS"));
    }

    private static String reason(Path status) throws IOException {
        if (!Files.exists(status)) {
            return "";
        }
        JsonNode json = new ObjectMapper().readTree(status.toFile());
        assertFalse(json.get("accountUsable").asBoolean(), json::toString);
        return json.path("reason").asText();
    }

    private void assertFileWaitsAndNothingReachedWebex() {
        assertTrue(Files.exists(pindrop.inbox.resolve("pins.csv")), "the file waits in the inbox");
        assertFalse(Files.exists(pindrop.outbox.resolve("pins.summary.json")));
        assertEquals(List.of(), simulator.calls(), "no call got past the handshake");
    }
}
