package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** An admin account with an OAuth access token (webex.account.N.token) instead of a password. */
class AccessTokenTest extends SiteTest {

    static final String TOKEN = "access-token-of-admin1";
    static final Map<String, String> TOKEN_ACCOUNT = Map.of("webex.account.1.password", "",
            "webex.account.1.token", TOKEN, "webex.concurrency", "1");

    @Test
    void aTokenAccountCallsWithItsAccessToken() throws Exception {
        List<String> users = Users.ids(3);
        // the simulator answers 030002 to a password where it expects the token
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).tokenAdmin("admin1@acme.com", TOKEN)
                .users(users).build().start();
        pindrop = RunningPindrop.against(simulator, root, TOKEN_ACCOUNT);

        pindrop.drop("pins.csv", Users.csv(users));

        assertEquals(3, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertEquals(Users.pin(2), simulator.hostPin(users.get(2)));
    }

    @Test
    void aRefusedTokenSetsItsAccountAsideWithWhatToRenewInsteadOfRestingIt() throws Exception {
        List<String> users = Users.ids(6);
        // the token stops working after two calls, while the GetUser check had passed
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).tokenAdmin("admin1@acme.com", TOKEN)
                .users(users).setUserQuota(2).build().start();
        pindrop = RunningPindrop.against(simulator, root, TOKEN_ACCOUNT);

        pindrop.drop("pins.csv", Users.csv(users));
        JsonNode summary = pindrop.awaitSummary("pins");

        String why = "the access token of admin1@acme.com was refused (030002): renew WEBEX_ACCOUNT_1_TOKEN";
        assertEquals(2, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(4, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertFalse(summary.has("deferredUntil"), "no cool-down brings a refused token back");
        for (Map<String, String> row : pindrop.results("pins").subList(2, 6)) {
            assertTrue(row.get("reason").contains(why) && row.get("reason").contains("none will be without a fix"),
                    row::toString);
        }
        assertEquals(3, simulator.setUserCallsBy("admin1@acme.com"), "one refused call, then the account is left alone");
        Path status = pindrop.outbox.resolve("pindrop.status.json");
        JsonNode account = await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(status) ? new ObjectMapper().readTree(status.toFile()).get("accounts").get(0)
                        : null, a -> a != null && a.get("state").asText().equals("SET_ASIDE"));
        assertEquals(why, account.get("why").asText());
    }
}
