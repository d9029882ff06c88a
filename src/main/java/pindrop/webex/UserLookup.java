package pindrop.webex;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.batch.RowVariables;
import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;
import pindrop.signin.Credentials;
import pindrop.signin.SignIn;
import pindrop.signin.SignInException;

/**
 * A dry run's user check: GetUser on the row's user, on an admin account from the pool. A user Webex does
 * not know makes the row INVALID, so a typo shows before the real run; no definitive answer is retried (the
 * route's error handling), then ERROR. A VALID row stays VALID.
 */
public final class UserLookup {

    static final String USER_NOT_FOUND = "030001";

    private final AccountPool pool;
    private final SignIn signIn;

    public UserLookup(AccountPool pool, SignIn signIn) {
        this.pool = pool;
        this.signIn = signIn;
    }

    /** An account that can look users up (the route writes it in property PindropAccount); null when none can. */
    public Account account() {
        return pool.forLookups().orElse(null);
    }

    /** The verdict of a row no account can look up: ERROR, with why. */
    public RowVerdict noAccount() {
        return RowVerdict.of(Status.ERROR, "the user could not be checked: no admin account can call GetUser ("
                + pool.whyUnusable().orElse("every account is set aside") + ")");
    }

    /**
     * The account could get no credentials for the lookup (route webex-post): no answer yet, and the lookup is
     * retried; an account refused for good is set aside. Nothing was sent, so the attempt does not count, unless
     * this was the same lookup going out again after a 030047.
     */
    public void noCredentials(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @Variable(RowVariables.ATTEMPTS) AtomicInteger attempts,
            @Variable(RowVariables.RESENT_FOR_TICKET) Boolean resent,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) SignInException failure) throws TransientWebexException {
        if (failure.forGood()) {
            pool.setAside(account, failure.getMessage());
        }
        if (!Boolean.TRUE.equals(resent)) {
            attempts.decrementAndGet();
        }
        throw new TransientWebexException(failure.getMessage());
    }

    /** The lookup goes out: counted in the row's attempts. */
    public void starting(@Variable(RowVariables.ATTEMPTS) AtomicInteger attempts) {
        attempts.incrementAndGet();
    }

    /**
     * GetUser's answer as the row's verdict: the dry run's VALID when the user exists, INVALID when Webex does not
     * know it, ERROR for another refusal. No answer yet is retried; a refused session ticket has the account sign
     * in again ({@link #signInAgain}).
     */
    public RowVerdict judge(@Header(Exchange.HTTP_RESPONSE_CODE) Integer http, @Body InputStream body,
            @ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.CALL_CREDENTIALS) Credentials credentials,
            @Variable(RowVariables.VERDICT) RowVerdict planned) throws TransientWebexException, TicketRefusedException {
        WebexResponse response;
        try {
            response = SetUserCall.response(http, body);
        } catch (SetUserCall.NotAnAnswerException e) {
            return RowVerdict.of(Status.ERROR, e.getMessage());
        }
        String code = response.exceptionId();
        String said = code + " " + response.reason();
        Action action = ExceptionTable.actionFor(response);
        if (action == Action.SIGN_IN_AGAIN && credentials != null && !credentials.ticketValue().isEmpty()) {
            throw new TicketRefusedException(code, response.reason());
        }
        return switch (action) {
            // the user exists: the row stays as planned
            case DONE -> planned;
            case RETRY, ACCOUNT_PAUSED -> throw new TransientWebexException(said);
            case ACCOUNT_SPENT, CREDENTIALS_REFUSED, SIGN_IN_AGAIN -> {
                // GetUser works on a spent account: a refusal here is the credentials, for good
                pool.setAside(account, RefusedCredentials.why(account, code));
                throw new TransientWebexException(account + " answered " + said + " to GetUser");
            }
            case FAILURE -> USER_NOT_FOUND.equals(code)
                    ? new RowVerdict(Status.INVALID, code, "Webex does not know this user (" + said + "): check the user id")
                    : new RowVerdict(Status.ERROR, code, "the user could not be checked: GetUser answered " + said);
        };
    }

    /**
     * The route's catch of a {@link TicketRefusedException}: the ticket is forgotten, so the account signs in again
     * when the same lookup goes out again; a lookup that carried no ticket had the account's own credentials
     * refused: the account is set aside, and the lookup is retried.
     */
    public void signInAgain(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.CALL_CREDENTIALS) Credentials used,
            @Variable(RowVariables.RESENT_FOR_TICKET) Boolean resent,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) TicketRefusedException refusal)
            throws TransientWebexException {
        if (signIn.ticketRefused(account, used, Boolean.TRUE.equals(resent))) {
            return;
        }
        // the account's own credentials were refused, for good
        pool.setAside(account, RefusedCredentials.why(account, refusal.code()));
        throw new TransientWebexException(account + " answered " + refusal.getMessage() + " to GetUser");
    }
}
