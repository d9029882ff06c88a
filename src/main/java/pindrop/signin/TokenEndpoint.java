package pindrop.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OAuth token endpoint of the site's integration ({@code webex.oauth.token-url}): a refresh token or an
 * authorization code turned into an access token. The JDK's HttpClient, not camel-http: this is not the XML API
 * (no envelope, no throttle, no call counted against an account), it runs at start and from {@code --authorize}
 * where no route exists, and its answers are JSON read here with Jackson.
 */
public final class TokenEndpoint {

    /** What the endpoint granted. {@link #toString()} shows the lifetimes only. */
    public record Grant(String accessToken, Duration expiresIn, String refreshToken, Duration refreshExpiresIn) {
        @Override
        public String toString() {
            return "Grant[access token for " + expiresIn + ", refresh token for " + refreshExpiresIn + "]";
        }
    }

    /** The endpoint refused the grant (HTTP 400 or 401): {@code error} is its OAuth error code, never a secret. */
    public static final class RefusedException extends Exception {
        public RefusedException(String error) {
            super(error);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final HttpClient http;

    public TokenEndpoint(URI url, String clientId, String clientSecret, Duration timeout) {
        this.url = url;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Grant refresh(String refreshToken) throws IOException, RefusedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(form);
    }

    public Grant exchangeCode(String code, String redirectUri) throws IOException, RefusedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        return post(form);
    }

    private Grant post(Map<String, String> fields) throws IOException, RefusedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the token endpoint");
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new RefusedException(error(response.body(), response.statusCode()));
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from the token endpoint " + url);
        }
        JsonNode grant = parse(response.body());
        String accessToken = grant.path("access_token").asText("");
        long expiresIn = grant.path("expires_in").asLong(0);
        if (accessToken.isEmpty() || expiresIn <= 0) {
            throw new IOException("the token endpoint " + url + " answered without access_token and expires_in");
        }
        return new Grant(accessToken, Duration.ofSeconds(expiresIn), grant.path("refresh_token").asText(""),
                Duration.ofSeconds(grant.path("refresh_token_expires_in").asLong(0)));
    }

    /** The OAuth error code only: an error description could quote what was sent. */
    private static String error(byte[] body, int status) {
        try {
            String error = parse(body).path("error").asText("");
            return error.matches("[A-Za-z_]{1,64}") ? error : "HTTP " + status;
        } catch (IOException e) {
            return "HTTP " + status;
        }
    }

    private static JsonNode parse(byte[] body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message quotes the document, which holds tokens
            throw new IOException("the token endpoint's answer is not JSON");
        }
    }
}
