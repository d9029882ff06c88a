package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * Session tickets (webex.session-tickets, on by default): each account signs in once with AuthenticateUser and
 * its calls carry the ticket, renewed before it runs out; a ticket Webex stops taking costs a sign-in, not a row.
 */
class SessionTicketTest extends SiteTest {

    /** Two accounts of 30 calls each: each carries half of the file, one after the other. */
    static final Map<String, String> TWO_ACCOUNTS = Map.of(
            "webex.account.2.id", "admin2@acme.com", "webex.account.2.password", "admin2-secret",
            "webex.account-quota", "30");

    /**
     * The 20 s tickets over a ~40 s run, shrunk to 2 s tickets over a ~6 s run (10 calls a second):
     * each account's 3 s stretch outlives its first ticket, which is renewed at 1.5 s, before it runs out. A call's
     * ticket is chosen once it holds its permits (route webex-post), so no wait for one eats into its life.
     */
    @Test
    void everyCallCarriesTheTicketWhichIsRenewedBeforeItRunsOut() throws Exception {
        List<String> users = Users.ids(60);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .admin("admin2@acme.com", "admin2-secret").users(users).ticketLifetime(Duration.ofSeconds(2))
                .build().start();
        Map<String, String> settings = new HashMap<>(TWO_ACCOUNTS);
        settings.put("webex.rate", "10");
        pindrop = RunningPindrop.against(simulator, root, settings);

        pindrop.drop("pins.csv", Users.csv(users));

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(60, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        for (String admin : List.of("admin1@acme.com", "admin2@acme.com")) {
            assertEquals(30, simulator.setUserCallsBy(admin), admin);
            assertEquals(0, simulator.callsCarrying(admin, "SetUser", "password"), admin);
            assertEquals(0, simulator.callsCarrying(admin, "GetUser", "password"), admin + ": its check too");
            assertEquals(30, simulator.callsCarrying(admin, "SetUser", "sessionTicket"), admin);
            assertEquals(1, simulator.callsCarrying(admin, "GetUser", "sessionTicket"), admin);
            assertTrue(simulator.signIns(admin) >= 2, admin + " renewed its ticket: " + simulator.signIns(admin));
        }
        assertEquals(List.of(), simulator.calls().stream().filter(c -> c.exceptionId().equals("030047")).toList(),
                "no call went out with a ticket that had run out");
    }

    @Test
    void aRevokedTicketCostsOneSignInMoreAndNoRowFailsOrRetries() throws Exception {
        List<String> users = Users.ids(60);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.rate", "20"));

        pindrop.drop("pins.csv", Users.csv(users));
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.successfulSetUserCalls(users.get(9)) == 1);
        simulator.revokeTickets("admin1@acme.com");

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(60, summary.get("counts").get("SUCCESS").asInt(), () -> results("pins"));
        assertTrue(simulator.calls().stream().anyMatch(c -> c.exceptionId().equals("030047")), "a call met the revocation");
        assertEquals(2, simulator.signIns("admin1@acme.com"), "signed in at its check, and once after the revocation");
        for (Map<String, String> row : pindrop.results("pins")) {
            assertEquals("1", row.get("attempts"), row::toString);
        }
        assertEquals(0, simulator.callsCarrying("admin1@acme.com", "SetUser", "password"));
    }

    @Test
    void anAccountWhoseSignInIsRefusedGoesOnWithItsPassword() throws Exception {
        List<String> users = Users.ids(5);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).refuseTickets(true).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());

        pindrop.drop("pins.csv", Users.csv(users));

        assertEquals(5, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertEquals(1, simulator.callsCarrying("admin1@acme.com", "AuthenticateUser", "password"), "tried once");
        assertEquals(5, simulator.callsCarrying("admin1@acme.com", "SetUser", "password"));
    }

    @Test
    void withSessionTicketsOffEveryCallCarriesThePassword() throws Exception {
        List<String> users = Users.ids(3);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("webex.session-tickets", "false"));

        pindrop.drop("pins.csv", Users.csv(users));

        assertEquals(3, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertEquals(0, simulator.signIns("admin1@acme.com"));
        assertEquals(3, simulator.callsCarrying("admin1@acme.com", "SetUser", "password"));
    }

    /** The results file, for a failure's message. */
    private String results(String base) {
        try {
            return pindrop.results(base).toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
