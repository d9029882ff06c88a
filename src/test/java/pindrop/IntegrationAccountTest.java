package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** Admins who sign in through the site's OAuth integration (webex.account.N.refresh-token). */
class IntegrationAccountTest extends SiteTest {

    static final String CLIENT_ID = "client-id-of-pindrop";
    static final String CLIENT_SECRET = "cl1ent-s3cret-of-pindrop";
    static final String REFRESH_TOKEN = "r3fresh-token-of-admin1";

    private Map<String, String> integration(String refreshToken) {
        Map<String, String> settings = new HashMap<>();
        settings.put("webex.oauth.client-id", CLIENT_ID);
        settings.put("webex.oauth.client-secret", CLIENT_SECRET);
        settings.put("webex.oauth.token-url", simulator.tokenUrl().toString());
        settings.put("webex.account.1.password", "");
        settings.put("webex.account.1.refresh-token", refreshToken);
        return settings;
    }

    /**
     * The 15 s access tokens over ~50 s, shrunk to 4 s tokens over a ~10 s run: every call carries the
     * access token (tickets off), renewed at 3 s, so at least two renewals and never an expired token sent. A
     * call's token is chosen once it holds its permits (route webex-post), so no wait for one eats into its life.
     */
    @Test
    void accessTokensAreRenewedBeforeTheyRunOutAndARotatedRefreshTokenSurvivesARestart() throws Exception {
        List<String> users = Users.ids(110);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).oauth(CLIENT_ID, CLIENT_SECRET)
                .oauthAdmin("admin1@acme.com", REFRESH_TOKEN).users(users)
                .accessTokenLifetime(Duration.ofSeconds(4)).rotateRefreshTokens(true).build().start();
        Map<String, String> settings = integration(REFRESH_TOKEN);
        settings.put("webex.session-tickets", "false");
        settings.put("webex.rate", "10");
        pindrop = RunningPindrop.against(simulator, root, settings);

        pindrop.drop("pins.csv", Users.csv(users.subList(0, 100)));

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(100, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertTrue(simulator.tokenRefreshes("admin1@acme.com") >= 3, "renewals: "
                + simulator.tokenRefreshes("admin1@acme.com"));
        assertEquals(0, simulator.expiredAccessTokensSeen());
        assertEquals(101, simulator.callsCarrying("admin1@acme.com", "SetUser", "webExAccessToken")
                + simulator.callsCarrying("admin1@acme.com", "GetUser", "webExAccessToken"));
        Path kept = root.resolve("state/refresh-tokens.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));

        // the configured refresh token was rotated away: a restart must use the kept one
        pindrop.close();
        pindrop = RunningPindrop.against(simulator, root, settings);
        pindrop.drop("more.csv", Users.csv(users.subList(100, 110)));
        JsonNode more = pindrop.awaitSummary("more");
        assertEquals(10, more.get("counts").get("SUCCESS").asInt(), more::toString);
    }

    @Test
    void aRefusedRefreshTokenSetsItsAccountAsideWhileAnotherFinishesTheFile() throws Exception {
        List<String> users = Users.ids(5);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).oauth(CLIENT_ID, CLIENT_SECRET)
                .oauthAdmin("admin1@acme.com", REFRESH_TOKEN).admin("admin2@acme.com", "admin2-secret").users(users)
                .build().start();
        Map<String, String> settings = integration("an-old-refresh-token");
        settings.put("webex.account.2.id", "admin2@acme.com");
        settings.put("webex.account.2.password", "admin2-secret");
        pindrop = RunningPindrop.against(simulator, root, settings);

        pindrop.drop("pins.csv", Users.csv(users));

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(5, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(5, simulator.setUserCallsBy("admin2@acme.com"));
        assertEquals(0, simulator.setUserCallsBy("admin1@acme.com"));
        Path status = pindrop.outbox.resolve("pindrop.status.json");
        JsonNode account = await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(status) ? new ObjectMapper().readTree(status.toFile()).get("accounts").get(0)
                        : null, a -> a != null && a.get("state").asText().equals("SET_ASIDE"));
        assertTrue(account.get("why").asText().contains("authorise the integration again for admin1@acme.com"),
                account::toString);
    }

    /** A refresh token that runs out within 14 days is a warning on the status page and in the health, still UP. */
    @Test
    void aRefreshTokenRunningOutWithinFourteenDaysIsAWarningWhilePindropStaysUp() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).oauth(CLIENT_ID, CLIENT_SECRET)
                .oauthAdmin("admin1@acme.com", REFRESH_TOKEN).refreshTokenLifetime(Duration.ofDays(10)).build()
                .start();
        StatusClient status = StatusClient.onFreePort();
        Map<String, String> settings = integration(REFRESH_TOKEN);
        settings.putAll(status.properties());
        pindrop = RunningPindrop.against(simulator, root, settings);

        await().atMost(Duration.ofSeconds(20)).until(() -> status.get("/observe/health").statusCode() == 200
                && status.get("/observe/health?exposureLevel=full").body().contains("authorise"));
        String health = status.get("/observe/health?exposureLevel=full").body();
        assertTrue(health.contains("\"UP\""), health);
        assertTrue(health.contains("admin1@acme.com"), health);
        String page = status.get("/status").body();
        assertTrue(page.contains("authorise the integration again for admin1@acme.com"), page);
        assertFalse(health.contains(REFRESH_TOKEN), "the warning never shows the token");
    }
}
