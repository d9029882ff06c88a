package pindrop.signin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code java -jar pindrop.jar --authorize N}: gets admin account N's first refresh token of the site's OAuth
 * integration with nothing but pindrop. Prints the authorization URL, waits on the loopback redirect URI
 * ({@code webex.oauth.redirect-uri}, served by the JDK's HttpServer on 127.0.0.1 only) for the browser's redirect,
 * exchanges the code at the token endpoint and keeps the refresh token in the state folder
 * ({@link KeptRefreshTokens}), where pindrop finds it at its next start.
 */
public final class Authorize {

    /** How long the browser has to come back. */
    private static final Duration WAIT = Duration.ofMinutes(10);

    private Authorize() {
    }

    /** {@code --authorize n}, with pindrop's configuration (application.properties, environment). */
    public static int run(int n) {
        // a context only for its properties component: the same files and environment overrides as Camel main
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        return run(n, context.getPropertiesComponent()::resolveProperty, System.out);
    }

    /** @return 0 when the refresh token is kept, 1 when not (said on {@code out}), 2 for a setting to fix */
    public static int run(int n, Function<String, Optional<String>> properties, PrintStream out) {
        String id = setting(properties, "webex.account." + n + ".id");
        String clientId = setting(properties, "webex.oauth.client-id");
        String clientSecret = setting(properties, "webex.oauth.client-secret");
        URI redirect = URI.create(setting(properties, "webex.oauth.redirect-uri"));
        if (id.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty()) {
            out.println("set WEBEX_ACCOUNT_" + n + "_ID, WEBEX_OAUTH_CLIENT_ID and WEBEX_OAUTH_CLIENT_SECRET first");
            return 2;
        }
        if (!"http".equals(redirect.getScheme()) || !isLoopback(redirect.getHost()) || redirect.getPort() < 0) {
            out.println("webex.oauth.redirect-uri must be http://127.0.0.1:PORT/PATH (or localhost): pindrop listens"
                    + " there for the browser; it is " + redirect);
            return 2;
        }
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), redirect.getPort()), 4);
        } catch (IOException e) {
            out.println("cannot listen on 127.0.0.1:" + redirect.getPort() + " for the redirect: " + e.getMessage());
            return 1;
        }
        String path = redirect.getPath().isEmpty() ? "/" : redirect.getPath();
        server.createContext(path, exchange -> redirected(exchange, answer));
        server.start();
        try {
            // with port 0 (tests) the registered URI is the one actually bound
            String redirectUri = "http://" + redirect.getHost() + ":" + server.getAddress().getPort() + path;
            String state = newState();
            String url = setting(properties, "webex.oauth.authorize-url") + "?client_id=" + encode(clientId)
                    + "&response_type=code&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("spark:all")
                    + "&state=" + state;
            out.println("Open this URL in a browser and sign in as " + id + ":");
            out.println(url);
            out.flush();
            Map<String, String> query = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!state.equals(query.get("state")) || !query.containsKey("code")) {
                out.println("the redirect did not come from this authorization (" + Optional.ofNullable(
                        query.get("error")).orElse("no code, or another state") + "): run --authorize again");
                return 1;
            }
            TokenEndpoint endpoint = new TokenEndpoint(URI.create(setting(properties, "webex.oauth.token-url")), clientId,
                    clientSecret, Duration.ofSeconds(30));
            TokenEndpoint.Grant grant = endpoint.exchangeCode(query.get("code"), redirectUri);
            if (grant.refreshToken().isEmpty()) {
                out.println("the token endpoint gave no refresh token: check the integration's scopes (spark:all)");
                return 1;
            }
            Path stateDir = Path.of(setting(properties, "pindrop.state"));
            Files.createDirectories(stateDir);
            new KeptRefreshTokens(stateDir).keep(id, setting(properties, "webex.account." + n + ".refresh-token"),
                    grant.refreshToken());
            out.println("The refresh token of " + id + " is kept in " + stateDir.resolve(KeptRefreshTokens.FILE)
                    + ": pindrop uses it from its next start.");
            return 0;
        } catch (TimeoutException e) {
            out.println("no redirect came back within " + WAIT.toMinutes() + " minutes: run --authorize again");
            return 1;
        } catch (TokenEndpoint.RefusedException e) {
            out.println("the token endpoint refused the code (" + e.getMessage() + "): run --authorize again");
            return 1;
        } catch (IOException | ExecutionException e) {
            out.println("the authorization failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            server.stop(0);
        }
    }

    private static void redirected(HttpExchange exchange, CompletableFuture<Map<String, String>> answer)
            throws IOException {
        try (exchange) {
            answer.complete(query(exchange.getRequestURI().getRawQuery()));
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pindrop</title></head>"
                    + "<body><p>pindrop has the answer: go back to the terminal. You may close this window.</p></body>"
                    + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : Optional.ofNullable(raw).orElse("").split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String setting(Function<String, Optional<String>> properties, String key) {
        return properties.apply(key).orElse("").trim();
    }

    /** The OAuth state: unguessable, so only the redirect of this authorization is taken. */
    private static String newState() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
