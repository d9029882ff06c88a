package pindrop.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth side of Webex for one integration, on a port of its own as webexapis.com is another host than the
 * site: {@code POST /v1/access_token} (refresh-token and authorization-code grants, form-encoded, answered in
 * JSON as webex-xml-api.md shows) and {@code GET /v1/authorize}, which signs in the admin named by
 * {@link WebexSimulator.Builder#authorizesAs} at once and redirects to the client's redirect URI with a code.
 * Access tokens run out after their lifetime; with rotation each refresh hands out a new refresh token and the
 * old one is refused ({@code 400 invalid_grant}).
 */
final class OAuthService implements HttpHandler {

    static final String TOKEN_PATH = "/v1/access_token";
    static final String AUTHORIZE_PATH = "/v1/authorize";

    /** What an access token sent to the XML API turns out to be. */
    enum AccessToken { UNKNOWN, VALID, EXPIRED }

    private record Grant(String accountKey, Instant expires, String redirectUri) {
        @Override
        public String toString() {
            return "Grant[" + accountKey + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final String clientSecret;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final boolean rotate;
    private final String authorizingAccount;
    private final Clock clock;
    private final SignInLog seen;
    private final Map<String, String> initialRefreshTokens;
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    OAuthService(String clientId, String clientSecret, Duration accessLifetime, Duration refreshLifetime,
            boolean rotate, String authorizingAccount, Map<String, String> initialRefreshTokens, Clock clock,
            SignInLog seen) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.rotate = rotate;
        this.authorizingAccount = authorizingAccount;
        this.initialRefreshTokens = Map.copyOf(initialRefreshTokens);
        this.clock = clock;
        this.seen = seen;
        reset();
    }

    /** Whose access token this is and whether it still works; empty for a token this service never issued. */
    Optional<Map.Entry<String, AccessToken>> check(String accessToken) {
        Grant grant = accessTokens.get(accessToken);
        if (grant == null) {
            return Optional.empty();
        }
        boolean expired = !clock.instant().isBefore(grant.expires());
        return Optional.of(Map.entry(grant.accountKey(), expired ? AccessToken.EXPIRED : AccessToken.VALID));
    }

    void reset() {
        accessTokens.clear();
        codes.clear();
        refreshTokens.clear();
        Instant expires = clock.instant().plus(refreshLifetime);
        initialRefreshTokens.forEach((account, token) -> refreshTokens.put(token, new Grant(account, expires, null)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(TOKEN_PATH) && exchange.getRequestMethod().equals("POST")) {
                token(exchange, form(new String(exchange.getRequestBody().readNBytes(1 << 16), StandardCharsets.UTF_8)));
            } else if (path.equals(AUTHORIZE_PATH) && exchange.getRequestMethod().equals("GET")) {
                authorize(exchange, form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("")));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!same(clientId, form.get("client_id")) || !same(clientSecret, form.get("client_secret"))) {
            error(exchange, 401, "invalid_client");
            return;
        }
        Grant grant;
        String refreshToken = form.get("refresh_token");
        switch (form.getOrDefault("grant_type", "")) {
            case "refresh_token" -> {
                grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
                if (grant == null || !clock.instant().isBefore(grant.expires())) {
                    error(exchange, 400, "invalid_grant");
                    return;
                }
                seen.refreshed(grant.accountKey());
                if (rotate) {
                    refreshTokens.remove(refreshToken);
                    refreshToken = TicketOffice.secret();
                    refreshTokens.put(refreshToken, grant);
                }
            }
            case "authorization_code" -> {
                grant = codes.remove(form.getOrDefault("code", ""));
                if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
                    error(exchange, 400, "invalid_grant");
                    return;
                }
                grant = new Grant(grant.accountKey(), clock.instant().plus(refreshLifetime), null);
                refreshToken = TicketOffice.secret();
                refreshTokens.put(refreshToken, grant);
            }
            default -> {
                error(exchange, 400, "unsupported_grant_type");
                return;
            }
        }
        String accessToken = TicketOffice.secret();
        accessTokens.put(accessToken, new Grant(grant.accountKey(), clock.instant().plus(accessLifetime), null));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("access_token", accessToken);
        answer.put("expires_in", accessLifetime.toSeconds());
        answer.put("refresh_token", refreshToken);
        answer.put("refresh_token_expires_in", Duration.between(clock.instant(), grant.expires()).toSeconds());
        answer.put("token_type", "Bearer");
        send(exchange, 200, answer);
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.get("redirect_uri");
        if (!clientId.equals(query.get("client_id")) || redirect == null || !"code".equals(query.get("response_type"))
                || authorizingAccount == null) {
            error(exchange, 400, "invalid_request");
            return;
        }
        String code = TicketOffice.secret();
        codes.put(code, new Grant(authorizingAccount, clock.instant().plus(Duration.ofMinutes(5)), redirect));
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (query.containsKey("state") ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8)
                        : "");
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private static void error(HttpExchange exchange, int status, String error) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error", error));
    }

    private static void send(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        byte[] body = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
