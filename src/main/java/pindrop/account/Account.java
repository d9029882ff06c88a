package pindrop.account;

/**
 * A site-admin account pindrop calls Webex with. Its secret is exactly one of a password, a static OAuth access
 * token, or the refresh token of an OAuth integration (whose access tokens pindrop renews itself);
 * {@link #toString()} shows the id only, so an account can be logged or written to an outcome file safely.
 */
public record Account(int number, String id, String password, String token, String refreshToken) {

    public Account(int number, String id, String password, String token) {
        this(number, id, password, token, "");
    }

    /** A static access token (webex.account.N.token), not one renewed from a refresh token. */
    public boolean usesToken() {
        return token != null && !token.isEmpty();
    }

    /** An admin of the OAuth integration: its access tokens come from its refresh token. */
    public boolean usesRefreshToken() {
        return refreshToken != null && !refreshToken.isEmpty();
    }

    @Override
    public String toString() {
        return id;
    }
}
