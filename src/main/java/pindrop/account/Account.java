package pindrop.account;

/**
 * A site-admin account pindrop calls Webex with. Its secret is either a password or an OAuth access token;
 * {@link #toString()} shows the id only, so an account can be logged or written to an outcome file safely.
 */
public record Account(int number, String id, String password, String token) {

    public boolean usesToken() {
        return token != null && !token.isEmpty();
    }

    @Override
    public String toString() {
        return id;
    }
}
