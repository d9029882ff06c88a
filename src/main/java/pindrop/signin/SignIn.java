package pindrop.signin;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;

import pindrop.account.Account;
import pindrop.batch.RowVariables;

/**
 * The credentials each call of an account carries (bean {@code signIn}): its session ticket when session tickets
 * are on and the account has one, else its password or access token; an OAuth account's access token is the
 * current one from its refresh token.
 */
public final class SignIn {

    public static final String BEAN = "signIn";

    private final SessionTickets tickets;
    private final AccessTokens accessTokens;

    /**
     * @param tickets      null when {@code webex.session-tickets} is false
     * @param accessTokens asked only for an account that signs in with a refresh token
     */
    public SignIn(SessionTickets tickets, AccessTokens accessTokens) {
        this.tickets = tickets;
        this.accessTokens = accessTokens;
    }

    /** The bean of this context; without one (a test of a route alone), each account's own secret. */
    public static Optional<SignIn> of(CamelContext context) {
        return Optional.ofNullable(context.getRegistry().lookupByNameAndType(BEAN, SignIn.class));
    }

    /**
     * Before a call waits for its permits (route webex-post): the account signs in, or renews its access token,
     * when due. A sign-in is a call with permits of its own, so it is never made while a call holds permits.
     */
    public void ready(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account) throws SignInException {
        String token = account.usesRefreshToken() ? accessTokens.current(account) : account.token();
        if (tickets != null) {
            tickets.ticket(account, token);
        }
    }

    /**
     * What a call carries, chosen once it holds its permits (route webex-post), so no wait for them can outlast a
     * ticket or token: the account's unexpired ticket, else its password or current access token. Null when its
     * ticket ran out since {@link #ready}: the call gives its permits back, and the account signs in first.
     */
    public Credentials credentials(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account)
            throws SignInException {
        String token = account.usesRefreshToken() ? accessTokens.current(account) : account.token();
        if (tickets != null) {
            Optional<Ticket> ticket = tickets.unexpired(account);
            if (ticket == null) {
                return null;
            }
            if (ticket.isPresent()) {
                return new Credentials("", "", ticket.get());
            }
        }
        return Credentials.perCall(account, token);
    }

    /**
     * Webex answered 030047 to a call of the account that carried these credentials. True: the account signed in
     * again (or goes on without tickets) and the same call is to be sent again; false: the call carried no ticket,
     * so its password or token was refused.
     */
    public boolean ticketRefused(Account account, Credentials used, boolean alreadyResent) {
        return tickets != null && used != null && used.ticket() != null
                && tickets.refused(account, used.ticket(), alreadyResent);
    }

    public Optional<SessionTickets> tickets() {
        return Optional.ofNullable(tickets);
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }
}
