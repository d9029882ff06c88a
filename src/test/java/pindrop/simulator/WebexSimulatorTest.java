package pindrop.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pindrop.MovableClock;

/** The simulator over real HTTP on loopback, one behaviour of webex-xml-api.md per test. */
class WebexSimulatorTest {

    private static final String ADMIN = "admin1@acme.com";
    private static final String NOT_ADMIN = "user9@acme.com";
    private static final String TOKEN_ADMIN = "admin3@acme.com";
    private static final String ALICE = "alice@acme.com";

    private WebexSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = site().build().start();
        client = new SimulatorClient(sim.endpoint());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static WebexSimulator.Builder site() {
        return WebexSimulator.builder()
                .site("acme")
                .admin(ADMIN, "pw1")
                .admin("admin2@acme.com", "pw2")
                .account(NOT_ADMIN, "pw9", false)
                .tokenAdmin(TOKEN_ADMIN, "tok3")
                .users(List.of(ALICE, "bob@acme.com"));
    }

    private static Envelope admin() {
        return Envelope.as(ADMIN, "pw1");
    }

    private SimulatorClient.Reply post(Envelope envelope) throws Exception {
        return client.post(envelope.xml());
    }

    private static void assertFailure(String exceptionId, SimulatorClient.Reply reply) {
        assertEquals(200, reply.status());
        assertEquals("FAILURE", reply.result());
        assertEquals(exceptionId, reply.exceptionId(), reply.serv("reason"));
    }

    @Test
    void setUserThenGetUserShowsThePin() throws Exception {
        SimulatorClient.Reply set = post(admin().setUser(ALICE).hostPin("3421"));

        assertEquals(200, set.status());
        assertEquals("text/xml;charset=UTF-8", set.contentType());
        assertEquals("SUCCESS", set.result());
        assertEquals("PRIMARY", set.serv("gsbStatus"));
        assertNull(set.exceptionId());
        assertEquals("use:setUserResponse", set.bodyContent().getAttributeNS(SimulatorClient.XSI_NS, "type"));
        assertEquals("3421", sim.hostPin(ALICE));
        assertEquals(1, sim.successfulSetUserCalls(ALICE));

        SimulatorClient.Reply get = post(admin().getUser(ALICE));
        assertEquals("SUCCESS", get.result());
        assertEquals("use:getUserResponse", get.bodyContent().getAttributeNS(SimulatorClient.XSI_NS, "type"));
        assertEquals(ALICE, get.use("webExId"));
        assertEquals(ALICE, get.use("email"));
        assertEquals("3421", get.use("hostPIN"));
        assertEquals("******", get.use("password"));
        assertEquals("false", get.use("siteAdmin"));
        assertEquals("false", get.use("roSiteAdmin"));
        assertEquals("false", get.use("lockAccount"));
    }

    @Test
    void setUserChangesOnlyTheSettingsItNames() throws Exception {
        post(admin().setUser(ALICE).hostPin("3421").joinBeforeHost("true"));
        post(admin().setUser(ALICE).audioPin("1357"));

        assertEquals("3421", sim.hostPin(ALICE));
        assertEquals("1357", sim.audioPin(ALICE));
        assertEquals(Boolean.TRUE, sim.joinBeforeHost(ALICE));
        SimulatorClient.Reply get = post(admin().getUser(ALICE));
        assertEquals("3421", get.use("hostPIN"));
        assertEquals("1357", get.use("PIN"));
        assertEquals("true", get.use("joinBeforeHost"));
    }

    @Test
    void getUserLeavesOutSettingsNeverSet() throws Exception {
        SimulatorClient.Reply get = post(admin().getUser("bob@acme.com"));

        assertEquals("SUCCESS", get.result());
        assertNull(get.use("hostPIN"));
        assertNull(get.use("PIN"));
        assertNull(get.use("joinBeforeHost"));
        assertNull(sim.hostPin("bob@acme.com"));
    }

    @Test
    void wrongPasswordIsAFailureEnvelopeWith030002() throws Exception {
        SimulatorClient.Reply reply = post(Envelope.as(ADMIN, "wrong").setUser(ALICE).hostPin("3421"));

        assertFailure("030002", reply);
        assertEquals("text/xml;charset=UTF-8", reply.contentType());
        assertEquals("Incorrect user or password", reply.serv("reason"));
        assertEquals("PRIMARY", reply.serv("gsbStatus"));
        assertEquals(0, reply.bodyContent().getChildNodes().getLength());
        assertNull(sim.hostPin(ALICE));
    }

    @Test
    void unknownCallerGets030002() throws Exception {
        assertFailure("030002", post(Envelope.as("nobody@acme.com", "pw1").getUser("nobody@acme.com")));
    }

    @Test
    void tokenAdminAuthenticatesWithItsTokenOnly() throws Exception {
        assertEquals("SUCCESS", post(Envelope.as(TOKEN_ADMIN, "tok3").token().setUser(ALICE).hostPin("3421")).result());
        assertFailure("030002", post(Envelope.as(TOKEN_ADMIN, "other").token().getUser(TOKEN_ADMIN)));
        assertFailure("030002", post(Envelope.as(TOKEN_ADMIN, "tok3").getUser(TOKEN_ADMIN)));
        assertFailure("030002", post(Envelope.as(ADMIN, "pw1").token().getUser(ADMIN)));
    }

    @Test
    void callerMayBeNamedByEmail() throws Exception {
        assertEquals("SUCCESS", post(admin().byEmail().setUser(ALICE).hostPin("3421")).result());
    }

    @Test
    void aSessionTicketIsNeverValid() throws Exception {
        assertFailure("030047", post(Envelope.as(ADMIN, "ticket").ticket().getUser(ADMIN)));
    }

    @Test
    void accountThatIsNotSiteAdminMayOnlyReadItself() throws Exception {
        Envelope notAdmin = Envelope.as(NOT_ADMIN, "pw9");

        assertFailure("000001", post(notAdmin.setUser(ALICE).hostPin("3421")));
        assertFailure("000001", post(Envelope.as(NOT_ADMIN, "pw9").getUser(ALICE)));
        SimulatorClient.Reply self = post(Envelope.as(NOT_ADMIN, "pw9").getUser(NOT_ADMIN));
        assertEquals("SUCCESS", self.result());
        assertEquals("false", self.use("siteAdmin"));
        assertEquals("true", post(admin().getUser(ADMIN)).use("siteAdmin"));
        assertNull(sim.hostPin(ALICE));
    }

    @Test
    void unknownTargetUserGets030001() throws Exception {
        assertFailure("030001", post(admin().setUser("ghost@acme.com").hostPin("3421")));
        assertFailure("030001", post(admin().getUser("ghost@acme.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111", "1234", "4321", "0123", "9876", "123", "12345", "12a4", "", "１２３５"})
    void weakHostPinGets999999AndChangesNothing(String pin) throws Exception {
        SimulatorClient.Reply reply = post(admin().setUser(ALICE).hostPin(pin).joinBeforeHost("true"));

        assertFailure("999999", reply);
        assertTrue(reply.serv("reason").startsWith("Not a valid PIN!"));
        assertNull(sim.hostPin(ALICE));
        assertNull(sim.joinBeforeHost(ALICE));
    }

    @Test
    void weakAudioPinGets999999() throws Exception {
        assertFailure("999999", post(admin().setUser(ALICE).hostPin("3421").audioPin("2222")));
        assertNull(sim.hostPin(ALICE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3421", "7890", "1357", "2109", "0001"})
    void acceptablePinIsStored(String pin) throws Exception {
        assertEquals("SUCCESS", post(admin().setUser(ALICE).hostPin(pin)).result());
        assertEquals(pin, sim.hostPin(ALICE));
    }

    @Test
    void missingXsiNamespaceGets000000() throws Exception {
        String unboundXsi = """
                <?xml version="1.0" encoding="UTF-8"?>
                <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service">
                  <header><securityContext>
                    <siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
                  </securityContext></header>
                  <body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">
                    <webExId>alice@acme.com</webExId>
                    <personalMeetingRoom><hostPIN>3421</hostPIN></personalMeetingRoom>
                  </bodyContent></body>
                </serv:message>
                """;

        SimulatorClient.Reply reply = client.post(unboundXsi);

        assertFailure("000000", reply);
        assertEquals("Fail to forward request:null", reply.serv("reason"));
        assertNull(sim.hostPin(ALICE));
    }

    @Test
    void doctypeIsRefusedAndNothingExternalIsRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        AtomicInteger fetches = new AtomicInteger();
        HttpServer dtdHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dtdHost.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        dtdHost.start();
        try {
            String xxe = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE serv:message SYSTEM "http://127.0.0.1:%d/evil.dtd" [
                      <!ENTITY secret SYSTEM "%s">
                    ]>
                    <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                      <header><securityContext>
                        <siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
                      </securityContext></header>
                      <body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser">
                        <webExId>&secret;</webExId>
                      </bodyContent></body>
                    </serv:message>
                    """.formatted(dtdHost.getAddress().getPort(), secret.toUri());

            SimulatorClient.Reply reply = client.post(xxe);

            assertFailure("000000", reply);
            assertFalse(new String(reply.body(), StandardCharsets.UTF_8).contains("TOPSECRET"));
            assertEquals(0, fetches.get());
        } finally {
            dtdHost.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not xml at all",
        // root in another namespace
        """
        <message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext>
        <siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password></securityContext></header>
        <body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>alice@acme.com</webExId>
        </bodyContent></body></message>""",
        // inner elements in the service namespace instead of unprefixed
        """
        <message xmlns="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <header><securityContext><siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
        </securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser">
        <webExId>alice@acme.com</webExId></bodyContent></body></message>""",
        // no siteName
        """
        <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <header><securityContext><webExID>admin1@acme.com</webExID><password>pw1</password></securityContext></header>
        <body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>alice@acme.com</webExId>
        </bodyContent></body></serv:message>""",
        // no xsi:type
        """
        <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <header><securityContext><siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
        </securityContext></header><body><bodyContent><webExId>alice@acme.com</webExId></bodyContent></body></serv:message>""",
        // an operation the simulator does not offer
        """
        <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <header><securityContext><siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
        </securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.DelUser">
        <webExId>alice@acme.com</webExId></bodyContent></body></serv:message>""",
        // joinBeforeHost that is not a boolean
        """
        <serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <header><securityContext><siteName>acme</siteName><webExID>admin1@acme.com</webExID><password>pw1</password>
        </securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">
        <webExId>alice@acme.com</webExId><personalTeleconf><joinBeforeHost>yes</joinBeforeHost></personalTeleconf>
        </bodyContent></body></serv:message>"""
    })
    void otherMalformedRequestsGet000000(String body) throws Exception {
        assertFailure("000000", client.post(body));
    }

    @Test
    void wrongSiteNameGets000000() throws Exception {
        assertFailure("000000", post(admin().site("other").setUser(ALICE).hostPin("3421")));
        assertEquals("SUCCESS", post(admin().site("ACME").setUser(ALICE).hostPin("3421")).result());
    }

    @Test
    void spentQuotaLocksSetUserWith030002WhileGetUserStillWorks() throws Exception {
        try (WebexSimulator limited = site().setUserQuota(2).build().start()) {
            SimulatorClient quotaClient = new SimulatorClient(limited.endpoint());

            assertEquals("SUCCESS", quotaClient.post(admin().setUser(ALICE).hostPin("3421").xml()).result());
            assertEquals("SUCCESS", quotaClient.post(admin().setUser(ALICE).hostPin("3422").xml()).result());
            assertFailure("030002", quotaClient.post(admin().setUser(ALICE).hostPin("3423").xml()));
            assertFailure("030002", quotaClient.post(admin().setUser("bob@acme.com").hostPin("3423").xml()));

            SimulatorClient.Reply self = quotaClient.post(admin().getUser(ADMIN).xml());
            assertEquals("SUCCESS", self.result());
            assertEquals("true", self.use("siteAdmin"));
            assertEquals("3422", limited.hostPin(ALICE));
            assertEquals(4, limited.setUserCallsBy(ADMIN));
            assertEquals(3, limited.setUserCalls(ALICE));
            assertEquals(2, limited.successfulSetUserCalls(ALICE));
            assertEquals("SUCCESS", quotaClient.post(
                    Envelope.as("admin2@acme.com", "pw2").setUser(ALICE).hostPin("3424").xml()).result());
        }
    }

    @Test
    void perMinuteLimitGets000045AndRefusedCallsDoNotCount() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (WebexSimulator limited = site().perMinuteLimit(3).clock(clock).build().start()) {
            SimulatorClient limitedClient = new SimulatorClient(limited.endpoint());
            String getSelf = admin().getUser(ADMIN).xml();

            for (int i = 0; i < 3; i++) {
                assertEquals("SUCCESS", limitedClient.post(getSelf).result());
            }
            assertFailure("000045", limitedClient.post(admin().setUser(ALICE).hostPin("3421").xml()));
            assertEquals("SUCCESS", limitedClient.post(Envelope.as("admin2@acme.com", "pw2").getUser(ALICE).xml())
                    .result(), "another caller has its own minute");

            clock.advance(Duration.ofSeconds(30));
            assertFailure("000045", limitedClient.post(getSelf));
            assertFailure("000045", limitedClient.post(getSelf));

            // the next fixed minute counts from zero
            clock.advance(Duration.ofSeconds(31));
            for (int i = 0; i < 3; i++) {
                assertEquals("SUCCESS", limitedClient.post(getSelf).result());
            }
            assertFailure("000045", limitedClient.post(getSelf));
        }
    }

    @Test
    void theSiteCapCountsEveryCallerInFixedWindowsOfTheLengthAsked() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (WebexSimulator capped = site().perMinuteLimit(3).sitePerMinuteLimit(4)
                .rateLimitWindow(Duration.ofSeconds(2)).clock(clock).build().start()) {
            SimulatorClient cappedClient = new SimulatorClient(capped.endpoint());
            String admin1 = admin().getUser(ADMIN).xml();
            String admin2 = Envelope.as("admin2@acme.com", "pw2").getUser(ALICE).xml();

            for (int i = 0; i < 3; i++) {
                assertEquals("SUCCESS", cappedClient.post(admin1).result());
            }
            assertEquals("SUCCESS", cappedClient.post(admin2).result(), "admin2's first call fits the site's 4");
            assertFailure("000045", cappedClient.post(admin2));

            // a window is fixed: 1.9 s in it is still full, at 2 s the next one counts from zero
            clock.advance(Duration.ofMillis(1900));
            assertFailure("000045", cappedClient.post(admin2));
            clock.advance(Duration.ofMillis(100));
            assertEquals("SUCCESS", cappedClient.post(admin2).result());
            assertEquals(2, capped.rateLimitedCalls());
        }
    }

    @Test
    void seededFaultRatesGiveResets503sAnd000035sReproducibly() throws Exception {
        try (WebexSimulator faulty = site().resetRate(0.1).http503Rate(0.1).backendFaultRate(0.1).seed(42)
                .build().start()) {
            SimulatorClient faultyClient = new SimulatorClient(faulty.endpoint());

            List<String> first = outcomes(faultyClient, 100);
            assertEquals(100, faulty.calls().size());
            faulty.reset();
            List<String> second = outcomes(faultyClient, 100);

            assertEquals(first, second, "the same seed gives the same faults");
            assertTrue(first.contains("reset"));
            assertTrue(first.contains("503"));
            assertTrue(first.contains("000035"));
            assertTrue(first.stream().filter("SUCCESS"::equals).count() > 50);
            assertEquals(first.stream().filter("reset"::equals).count(),
                    faulty.calls().stream().filter(call -> call.httpStatus() == 0).count());
        }
    }

    private static List<String> outcomes(SimulatorClient faultyClient, int calls) throws InterruptedException {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                SimulatorClient.Reply reply = faultyClient.post(admin().setUser(ALICE).hostPin("3421").xml());
                outcomes.add(reply.status() != 200 ? String.valueOf(reply.status())
                        : reply.exceptionId() != null ? reply.exceptionId() : reply.result());
            } catch (IOException e) {
                outcomes.add("reset");
            }
        }
        return outcomes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "application/xml", "text/plain", "none"})
    void contentTypeIsIgnored(String contentType) throws Exception {
        byte[] body = admin().setUser(ALICE).hostPin("3421").xml().getBytes(StandardCharsets.UTF_8);

        SimulatorClient.Reply reply = client.post(body, contentType.equals("none") ? null : contentType);

        assertEquals("SUCCESS", reply.result());
        assertEquals("3421", sim.hostPin(ALICE));
    }

    @Test
    void concurrentCallsAreAllServedInParallelAndRecorded() throws Exception {
        List<String> users = IntStream.range(0, 64).mapToObj(i -> "user" + i + "@acme.com").toList();
        try (WebexSimulator slow = site().users(users).latency(Duration.ofMillis(100)).build().start()) {
            SimulatorClient slowClient = new SimulatorClient(slow.endpoint());
            long started = System.nanoTime();

            List<CompletableFuture<SimulatorClient.Reply>> replies = users.stream()
                    .map(user -> slowClient.postAsync(admin().setUser(user).hostPin("3421").xml()))
                    .toList();
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "64 x 100 ms one after another is 6.4 s: " + took);
            for (CompletableFuture<SimulatorClient.Reply> reply : replies) {
                assertEquals("SUCCESS", reply.join().result());
            }
            assertEquals(64, slow.calls().size());
            assertEquals(64, slow.setUserCallsBy(ADMIN));
            users.forEach(user -> assertEquals("3421", slow.hostPin(user)));
        }
    }

    @Test
    void latencyIsAddedToEveryResponse() throws Exception {
        try (WebexSimulator slow = site().latency(Duration.ofMillis(150)).build().start()) {
            SimulatorClient slowClient = new SimulatorClient(slow.endpoint());
            long started = System.nanoTime();

            assertFailure("000000", slowClient.post("not xml"));

            assertTrue(System.nanoTime() - started >= Duration.ofMillis(150).toNanos());
        }
    }

    @Test
    void closeStopsAtOnceEvenWithACallInFlight() throws Exception {
        WebexSimulator slow = site().latency(Duration.ofSeconds(30)).build().start();
        CompletableFuture<SimulatorClient.Reply> inFlight =
                new SimulatorClient(slow.endpoint()).postAsync(admin().getUser(ADMIN).xml());
        await().until(() -> !slow.calls().isEmpty());
        long started = System.nanoTime();

        slow.close();

        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());
        assertThrows(Exception.class, inFlight::join);
    }

    @Test
    void everyCallIsRecorded() throws Exception {
        post(admin().setUser(ALICE).hostPin("3421"));
        post(Envelope.as(ADMIN, "wrong").getUser(ALICE));
        client.post("not xml");

        List<WebexSimulator.Call> calls = sim.calls();
        assertEquals(3, calls.size());
        WebexSimulator.Call success = calls.get(0);
        assertEquals(ADMIN, success.caller());
        assertEquals("SetUser", success.operation());
        assertEquals(ALICE, success.targetUser());
        assertEquals("", success.exceptionId());
        assertEquals(200, success.httpStatus());
        assertTrue(success.succeeded());
        assertEquals("GetUser", calls.get(1).operation());
        assertEquals("030002", calls.get(1).exceptionId());
        assertEquals("", calls.get(2).caller());
        assertEquals("000000", calls.get(2).exceptionId());
        assertFalse(calls.get(2).succeeded());
    }

    @Test
    void otherPathsAndMethodsAreHttpErrors() throws Exception {
        URI endpoint = sim.endpoint();

        assertEquals(405, client.send(HttpRequest.newBuilder(endpoint).GET().build()).status());
        assertEquals(404, client.send(HttpRequest.newBuilder(endpoint.resolve("/WBXService/XMLService2"))
                .POST(HttpRequest.BodyPublishers.ofString(admin().getUser(ADMIN).xml())).build()).status());
        assertEquals(2, sim.calls().size());
    }

    @Test
    void resetForgetsCallsBudgetsAndSettings() throws Exception {
        post(admin().setUser(ALICE).hostPin("3421"));

        sim.reset();

        assertTrue(sim.calls().isEmpty());
        assertNull(sim.hostPin(ALICE));
        assertEquals(0, sim.setUserCalls(ALICE));
    }

    @Test
    void anyUserMakesEveryPlausibleIdExist() throws Exception {
        try (WebexSimulator open = WebexSimulator.builder().site("acme").admin(ADMIN, "pw1").anyUser(true)
                .build().start()) {
            SimulatorClient openClient = new SimulatorClient(open.endpoint());

            assertEquals("SUCCESS", openClient.post(admin().setUser("u12345@acme.com").hostPin("3421").xml()).result());
            assertEquals("3421", open.hostPin("U12345@acme.com"));
            assertEquals("SUCCESS", openClient.post(admin().getUser("never-set@acme.com").xml()).result());
            assertFailure("030001", openClient.post(admin().setUser("two words").hostPin("3421").xml()));
        }
    }

    @Test
    void commandLineOptionsConfigureTheSimulator() throws Exception {
        try (WebexSimulator fromArgs = WebexSimulator.fromArgs("--port", "0", "--site", "demo", "--admin",
                "a@demo.com:p:w", "--users-any", "--set-user-quota", "1", "--latency-ms", "1").build().start()) {
            SimulatorClient argsClient = new SimulatorClient(fromArgs.endpoint());
            Envelope admin = Envelope.as("a@demo.com", "p:w").site("demo");

            assertEquals("SUCCESS", argsClient.post(admin.setUser("x@demo.com").hostPin("3421").xml()).result());
            assertFailure("030002", argsClient.post(admin.setUser("y@demo.com").hostPin("3421").xml()));
        }
        assertThrows(IllegalArgumentException.class, () -> WebexSimulator.fromArgs("--bogus", "1"));
        assertThrows(IllegalArgumentException.class, () -> WebexSimulator.fromArgs("--admin", "no-password"));
    }

    @Test
    void parsedRequestsNeverShowSecretsOrPins() {
        XmlRequest request = new XmlRequest("acme", ADMIN,
                new XmlRequest.Credential(XmlRequest.SecretKind.PASSWORD, "s3cret-pw"), "SetUser", ALICE,
                new XmlRequest.Changes("3421", "1357", true));

        String shown = request.toString();

        assertFalse(shown.contains("s3cret-pw"), shown);
        assertFalse(shown.contains("3421"), shown);
        assertFalse(shown.contains("1357"), shown);
    }
}
