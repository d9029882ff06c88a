package pindrop.signin;

import pindrop.account.Account;

/**
 * What one call of an account carries: a session ticket, or else its password or access token (the access token
 * of an OAuth account is the one renewed from its refresh token). {@link #toString()} names no secret.
 */
public record Credentials(String password, String token, Ticket ticket) {

    /** The account's own password or static token, sent on every call. */
    public static Credentials perCall(Account account, String accessToken) {
        return new Credentials(account.password(), accessToken, null);
    }

    public String ticketValue() {
        return ticket == null ? "" : ticket.value();
    }

    @Override
    public String toString() {
        return ticket != null ? "Credentials[" + ticket + "]"
                : "Credentials[" + (token.isEmpty() ? "password" : "access token") + "]";
    }
}
