package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import pindrop.signin.Authorize;
import pindrop.simulator.WebexSimulator;

/** {@code --authorize N} against the simulator's authorization and token endpoints, the browser played here. */
class AuthorizeTest extends SiteTest {

    @Test
    void theAuthorizedRefreshTokenIsKeptAndUsedAtTheNextStart() throws Exception {
        List<String> users = Users.ids(3);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).oauth("client-id", "client-secret")
                .oauthAdmin("admin1@acme.com", "a-token-pindrop-never-sees").users(users).build().start();
        Map<String, String> settings = new HashMap<>();
        settings.put("webex.account.1.id", "admin1@acme.com");
        settings.put("webex.oauth.client-id", "client-id");
        settings.put("webex.oauth.client-secret", "client-secret");
        settings.put("webex.oauth.token-url", simulator.tokenUrl().toString());
        settings.put("webex.oauth.authorize-url", simulator.authorizeUrl().toString());
        settings.put("webex.oauth.redirect-uri", "http://127.0.0.1:0/oauth");
        settings.put("pindrop.state", root.resolve("state").toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Authorize.run(1, key -> Optional.ofNullable(settings.get(key)), out));
        String url = await().atMost(Duration.ofSeconds(10)).until(() -> printed.toString(StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("http")).findFirst().orElse(null), u -> u != null);
        assertTrue(url.contains("scope=spark%3Aall"), url);
        // the browser: the authorization endpoint signs the admin in and redirects to pindrop's loopback address
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode());
        URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertEquals("127.0.0.1", back.getHost());
        assertEquals(200, browser.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());

        assertEquals(0, exit.get(), printed.toString(StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("The refresh token of admin1@acme.com is kept"));

        // no secret configured for account 1: the kept refresh token is its
        Map<String, String> run = new HashMap<>(settings);
        run.put("webex.account.1.password", "");
        pindrop = RunningPindrop.against(simulator, root, run);
        pindrop.drop("pins.csv", Users.csv(users));
        assertEquals(3, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
        assertEquals(1, simulator.tokenRefreshes("admin1@acme.com"));
    }
}
