package pindrop.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.Account;

/**
 * Each account's session ticket: signed in once with AuthenticateUser, signed in again once three quarters of the
 * ticket's timeToLive are gone (so no call goes out with a ticket about to run out), or after Webex answered
 * 030047 to it. An account whose sign-in Webex refuses for another reason than its credentials goes on with its
 * password or token on each call, said once. One sign-in at a time per account: the calls that need it wait.
 */
public final class SessionTickets {

    /** An account's sign-ins as the status page shows them; never the ticket. */
    public record View(String id, int signIns, Instant issued, Instant expires, boolean perCall) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionTickets.class);

    private final Authenticator authenticator;
    private final Clock clock;
    private final Consumer<Account> signedIn;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** @param signedIn told of each sign-in Webex granted (the metrics count them) */
    public SessionTickets(Authenticator authenticator, Clock clock, Consumer<Account> signedIn) {
        this.authenticator = authenticator;
        this.clock = clock;
        this.signedIn = signedIn;
    }

    /**
     * The ticket for the account's next call, signing in first when it has none or its ticket is due; empty when
     * the call must carry the password or token itself (the account takes no tickets, or the sign-in failed).
     *
     * @param accessToken the OAuth access token to sign in with, {@code ""} for the account's password
     */
    public Optional<Ticket> ticket(Account account, String accessToken) {
        State state = states.computeIfAbsent(account.id(), id -> new State());
        synchronized (state) {
            Instant now = clock.instant();
            if (state.perCall) {
                return Optional.empty();
            }
            if (state.ticket != null && now.isBefore(state.ticket.renewAt())) {
                return Optional.of(state.ticket);
            }
            Authenticator.Answer answer = authenticator.signIn(account, accessToken);
            if (answer instanceof Authenticator.Issued issued) {
                Duration renewAfter = issued.timeToLive().multipliedBy(3).dividedBy(4);
                state.ticket = new Ticket(issued.ticket(), now, now.plus(renewAfter), now.plus(issued.timeToLive()));
                state.signInFailed = false;
                state.signIns++;
                signedIn.accept(account);
                LOG.debug("{} signed in: its ticket runs out at {}", account, state.ticket.expires());
                return Optional.of(state.ticket);
            }
            if (answer instanceof Authenticator.NotTaken refused) {
                state.perCall = true;
                state.ticket = null;
                state.signInFailed = true;
                LOG.warn("{} cannot sign in with AuthenticateUser ({}): its calls carry its password or token",
                        account, refused.answer());
                return Optional.empty();
            }
            if (answer instanceof Authenticator.CredentialsRefused refused) {
                // the call goes with the credentials themselves, and Webex's answer to it sets the account aside
                state.ticket = null;
                state.signInFailed = true;
                LOG.debug("{}: AuthenticateUser refused its credentials ({})", account, refused.answer());
                return Optional.empty();
            }
            LOG.debug("{}: AuthenticateUser got no answer ({})", account, ((Authenticator.NoAnswer) answer).why());
            // a ticket that still works is used on; without one this call carries the credentials themselves
            if (state.ticket != null && !now.isBefore(state.ticket.expires())) {
                state.ticket = null;
            }
            state.signInFailed = state.ticket == null;
            return Optional.ofNullable(state.ticket);
        }
    }

    /**
     * What a call that holds its permits carries, without signing in (a sign-in waits for permits of its own):
     * the account's ticket while it has not run out; empty when the call carries the password or token itself
     * (the account takes no tickets, or its last sign-in failed); null when it has no ticket to use since
     * {@link #ticket} (run out, or forgotten after a 030047): the call gives its permits back and the account signs
     * in first.
     */
    public Optional<Ticket> unexpired(Account account) {
        State state = states.computeIfAbsent(account.id(), id -> new State());
        // not under the state's lock, which a sign-in holds while it waits for its permits
        Ticket ticket = state.ticket;
        if (state.perCall) {
            return Optional.empty();
        }
        if (ticket == null) {
            return state.signInFailed ? Optional.empty() : null;
        }
        return clock.instant().isBefore(ticket.expires()) ? Optional.of(ticket) : null;
    }

    /**
     * Webex answered 030047 to a call that carried this ticket: it is forgotten (unless the account signed in again
     * meanwhile), so the next call signs in. After a ticket fresh from a sign-in was refused at once, the account
     * takes no tickets for that call: it goes on with its password or token, said once.
     *
     * @return true: send the same call again
     */
    public boolean refused(Account account, Ticket ticket, boolean alreadyResent) {
        State state = states.computeIfAbsent(account.id(), id -> new State());
        synchronized (state) {
            if (ticket.equals(state.ticket)) {
                state.ticket = null;
            }
            if (alreadyResent && !state.perCall) {
                state.perCall = true;
                LOG.warn("{}: Webex refuses its session tickets (030047 to a fresh one): its calls carry its password"
                        + " or token", account);
            }
            return true;
        }
    }

    public List<View> view() {
        return states.entrySet().stream().map(e -> {
            State s = e.getValue();
            synchronized (s) {
                return new View(e.getKey(), s.signIns, s.ticket == null ? null : s.ticket.issued(),
                        s.ticket == null ? null : s.ticket.expires(), s.perCall);
            }
        }).toList();
    }

    private static final class State {
        volatile Ticket ticket;
        int signIns;
        volatile boolean perCall;
        /** The last sign-in gave no ticket: calls carry the password or token until one does. */
        volatile boolean signInFailed;
    }
}
