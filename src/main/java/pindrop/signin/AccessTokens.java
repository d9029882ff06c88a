package pindrop.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.Account;
import pindrop.account.AccountPool;

/**
 * The access tokens of the OAuth integration's accounts: fetched with each account's refresh token at start, and
 * again once three quarters of a token's lifetime are gone (by a timer of its own, and before any call that
 * would find it due), so an expired one is never sent. A refresh token the endpoint hands back is used from then
 * on and kept ({@link KeptRefreshTokens}). A refused refresh token sets its account aside; one that runs out
 * within {@link #EXPIRY_WARNING} is a warning in the log and on the status page.
 */
public final class AccessTokens implements Service {

    /** An account's tokens as the status page shows them; never a token. */
    public record View(String id, Instant accessTokenExpires, Instant refreshTokenExpires, String warning) {
    }

    /** A refresh token that runs out this soon must be replaced by authorising again: 14 days' notice. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(14);
    /** The endpoint did not answer: tried again this soon (and on the next call that finds the token due). */
    private static final Duration RETRY_AFTER_NO_ANSWER = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final TokenEndpoint endpoint;
    private final KeptRefreshTokens kept;
    private final AccountPool pool;
    private final Clock clock;
    private final Map<String, State> states = new LinkedHashMap<>();
    /** volatile, not under this object's lock: a renewal schedules its next under the account's lock */
    private volatile ScheduledExecutorService timer;

    public AccessTokens(List<Account> accounts, TokenEndpoint endpoint, KeptRefreshTokens kept, AccountPool pool,
            Clock clock) throws IOException {
        this.endpoint = endpoint;
        this.kept = kept;
        this.pool = pool;
        this.clock = clock;
        for (Account account : accounts) {
            if (account.usesRefreshToken()) {
                states.put(account.id(), new State(account, kept.forAccount(account.id(), account.refreshToken())
                        .orElse(account.refreshToken())));
            }
        }
    }

    /** Whether any account signs in through the integration (else none of this runs). */
    public boolean any() {
        return !states.isEmpty();
    }

    /**
     * The account's current access token, fetched first when it is due. A refused refresh token is forGood in
     * the exception: the caller sets the account aside (not here, under this account's lock).
     */
    public String current(Account account) throws SignInException {
        State state = stateOf(account);
        synchronized (state) {
            if (state.refused != null) {
                throw new SignInException(state.refused, true);
            }
            Instant now = clock.instant();
            if (state.accessToken == null || !now.isBefore(state.renewAt)) {
                renew(state);
            }
            if (state.refused != null) {
                throw new SignInException(state.refused, true);
            }
            if (state.accessToken == null || !clock.instant().isBefore(state.expires)) {
                throw new SignInException("no access token could be had for " + account + ": " + state.noAnswer, false);
            }
            return state.accessToken;
        }
    }

    public List<View> view() {
        return states.values().stream().map(s -> {
            synchronized (s) {
                return new View(s.account.id(), s.expires, s.refreshExpires, s.warning);
            }
        }).toList();
    }

    /** Warnings about refresh tokens that run out soon, for the health check (which stays UP). */
    public List<String> warnings() {
        return view().stream().map(View::warning).filter(w -> w != null).toList();
    }

    @Override
    public void start() {
        if (states.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pindrop-access-tokens");
            thread.setDaemon(true);
            return thread;
        });
        states.values().forEach(state -> timer.execute(() -> renewNow(state)));
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void renewNow(State state) {
        String refused;
        synchronized (state) {
            if (state.refused == null) {
                renew(state);
            }
            refused = state.refused;
        }
        setAsideIfRefused(state.account, refused);
    }

    /**
     * Outside the state's lock: the pool's lock is taken before a state's when the pool checks an account, so the
     * reverse order could deadlock.
     */
    private void setAsideIfRefused(Account account, String refused) {
        if (refused != null) {
            pool.setAside(account, refused);
        }
    }

    /** Under the state's lock: one refresh at a time per account, with its refresh token of the moment. */
    private void renew(State state) {
        Account account = state.account;
        Instant asked = clock.instant();
        try {
            TokenEndpoint.Grant grant = endpoint.refresh(state.refreshToken);
            state.accessToken = grant.accessToken();
            state.expires = asked.plus(grant.expiresIn());
            state.renewAt = asked.plus(grant.expiresIn().multipliedBy(3).dividedBy(4));
            state.noAnswer = null;
            if (!grant.refreshToken().isEmpty() && !grant.refreshToken().equals(state.refreshToken)) {
                state.refreshToken = grant.refreshToken();
                keep(state);
            }
            state.refreshExpires = grant.refreshExpiresIn().isZero() ? null : asked.plus(grant.refreshExpiresIn());
            warnIfExpiring(state);
            LOG.debug("{} has a new access token, renewed at {}", account, state.renewAt);
            schedule(state, Duration.between(clock.instant(), state.renewAt));
        } catch (TokenEndpoint.RefusedException e) {
            state.accessToken = null;
            state.refused = "the integration's token endpoint refused the refresh token of " + account + " ("
                    + e.getMessage() + "): authorise the integration again for " + account + " (java -jar pindrop.jar"
                    + " --authorize " + account.number() + ")";
        } catch (IOException e) {
            state.noAnswer = e.getMessage();
            LOG.warn("{}: the token endpoint did not answer ({}); trying again in {} s", account, e.getMessage(),
                    RETRY_AFTER_NO_ANSWER.toSeconds());
            schedule(state, RETRY_AFTER_NO_ANSWER);
        }
    }

    private void keep(State state) {
        try {
            kept.keep(state.account.id(), state.account.refreshToken(), state.refreshToken);
        } catch (IOException e) {
            LOG.error("{}: the new refresh token could not be kept ({}): after a restart, authorise the integration"
                    + " again for {}", state.account, e.getMessage(), state.account);
        }
    }

    private void warnIfExpiring(State state) {
        Optional<Instant> runsOut = Optional.ofNullable(state.refreshExpires);
        String warning = runsOut.filter(at -> at.isBefore(clock.instant().plus(EXPIRY_WARNING)))
                .map(at -> "the refresh token of " + state.account + " runs out at " + at
                        + ": authorise the integration again for " + state.account)
                .orElse(null);
        if (warning != null && state.warning == null) {
            LOG.warn("{}", warning);
        }
        state.warning = warning;
    }

    private void schedule(State state, Duration after) {
        ScheduledExecutorService timer = this.timer;
        if (timer != null && !timer.isShutdown()) {
            timer.schedule(() -> renewIfDue(state), Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void renewIfDue(State state) {
        String refused;
        synchronized (state) {
            if (state.refused == null && (state.accessToken == null || !clock.instant().isBefore(state.renewAt))) {
                renew(state);
            }
            refused = state.refused;
        }
        setAsideIfRefused(state.account, refused);
    }

    private State stateOf(Account account) {
        State state = states.get(account.id());
        if (state == null) {
            throw new IllegalArgumentException(account + " does not sign in through the integration");
        }
        return state;
    }

    private static final class State {
        final Account account;
        String refreshToken;
        String accessToken;
        Instant expires = Instant.MIN;
        Instant renewAt = Instant.MIN;
        Instant refreshExpires;
        String refused;
        String noAnswer;
        String warning;

        State(Account account, String refreshToken) {
            this.account = account;
            this.refreshToken = refreshToken;
        }
    }
}
