package pindrop.webex;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import net.sf.saxon.om.Item;
import net.sf.saxon.trans.XPathException;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.account.AccountUnavailableException;
import pindrop.account.NoUsableAccountException;
import pindrop.batch.Batch;
import pindrop.batch.LogFields;
import pindrop.batch.RowVariables;
import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;
import pindrop.signin.Credentials;
import pindrop.signin.SignIn;
import pindrop.signin.SignInException;

/**
 * The bookkeeping around one SetUser call: before it, an account from the pool, which the route writes
 * (routes/webex-setuser.camel.yaml; webex-post chooses its credentials once the call holds its permits); after it, Webex's answer judged by exceptionID into the row's
 * status, a retry, or a move to the next account.
 */
public final class SetUserCall {

    private static final Logger LOG = LoggerFactory.getLogger(SetUserCall.class);

    private final AccountPool pool;
    /** How long an account rests after Webex's per-minute limit (000045): 60 s as Webex documents. */
    private final Duration rateLimitRest;
    private final SignIn signIn;

    public SetUserCall(AccountPool pool, Duration rateLimitRest, SignIn signIn) {
        this.pool = pool;
        this.rateLimitRest = rateLimitRest;
        this.signIn = signIn;
    }

    /**
     * The account the call goes out on (the route writes it in property PindropAccount). With none to be had the
     * pool says why, and the route makes the row DEFERRED ({@link #deferred}) without a call.
     */
    public Account take() throws NoUsableAccountException {
        Account account = pool.take();
        MDC.put(LogFields.ACCOUNT, account.id());
        return account;
    }

    /** The verdict of a row no account can take now (the route's catch of {@link NoUsableAccountException}). */
    public RowVerdict deferred(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) NoUsableAccountException none) {
        return RowVerdict.of(Status.DEFERRED, none.getMessage());
    }

    /**
     * The account could get no credentials for the call (route webex-post: its refresh token refused, no access
     * token): it cannot take the call, and the next account does. Nothing was sent, so the account's call is given
     * back and the attempt does not count, unless this was the same call going out again after a 030047.
     */
    public void noCredentials(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @Variable(RowVariables.ATTEMPTS) AtomicInteger attempts,
            @Variable(RowVariables.RESENT_FOR_TICKET) Boolean resent,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) SignInException failure) throws AccountUnavailableException {
        if (!Boolean.TRUE.equals(resent)) {
            pool.giveBack(account);
            attempts.decrementAndGet();
        }
        throw unavailable(account, failure);
    }

    /**
     * The call goes out: counted in the row's attempts (one counter shared by reference: failover tries each account
     * on a copy of the row's exchange), and the file learns that its row has a call in flight.
     */
    public void starting(@Variable(RowVariables.ATTEMPTS) AtomicInteger attempts,
            @ExchangeProperty(RowVariables.BATCH) Batch batch, @ExchangeProperty(Exchange.SPLIT_INDEX) Long index) {
        if (batch != null) {
            batch.callStarting(index);
        }
        attempts.incrementAndGet();
    }

    /**
     * The route's catch of a {@link TicketRefusedException}: the ticket is forgotten, so the account signs in again
     * (or, refused a fresh ticket, goes on without tickets) when the same call goes out again. A call that carried
     * no ticket had its password or token refused: the next account takes it.
     */
    public void signInAgain(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.CALL_CREDENTIALS) Credentials used,
            @Variable(RowVariables.RESENT_FOR_TICKET) Boolean resent,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) TicketRefusedException refusal)
            throws AccountUnavailableException {
        if (signIn.ticketRefused(account, used, Boolean.TRUE.equals(resent))) {
            return;
        }
        throw refused(account, Action.CREDENTIALS_REFUSED, refusal.code(), refusal.reason());
    }

    /** The account could not get credentials: set aside when that is for good, else it rests a while. */
    private AccountUnavailableException unavailable(Account account, SignInException e) {
        if (e.forGood()) {
            pool.setAside(account, e.getMessage());
        } else {
            pool.restWithoutCredentials(account, rateLimitRest, e.getMessage());
        }
        return new AccountUnavailableException(account + " has no credentials to call with");
    }

    /**
     * Webex's answer to the call as the row's verdict: SUCCESS, or FAILURE with Webex's code and reason. An
     * answer that is no verdict on the row throws: no answer yet (retried), an account that cannot take the call
     * (the next account takes it), a refused session ticket (the account signs in again, the same call goes out
     * again).
     */
    public RowVerdict judge(@Header(Exchange.HTTP_RESPONSE_CODE) Integer http, @Body InputStream body,
            @ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @ExchangeProperty(RowVariables.CALL_CREDENTIALS) Credentials credentials)
            throws TransientWebexException, AccountUnavailableException, TicketRefusedException {
        WebexResponse response;
        try {
            response = response(http, body);
        } catch (NotAnAnswerException e) {
            return RowVerdict.of(Status.ERROR, e.getMessage());
        }
        String code = response.exceptionId();
        Action action = ExceptionTable.actionFor(response);
        if (action != Action.ACCOUNT_PAUSED) {
            pool.answered(account); // Webex answers: the account's pace may grow
        }
        if (action == Action.SIGN_IN_AGAIN && credentials != null && !credentials.ticketValue().isEmpty()) {
            throw new TicketRefusedException(code, response.reason());
        }
        return switch (action) {
            case DONE -> RowVerdict.of(Status.SUCCESS, "");
            case FAILURE -> new RowVerdict(Status.FAILURE, code, response.reason());
            case RETRY -> throw new TransientWebexException(code + " " + response.reason());
            case ACCOUNT_SPENT, CREDENTIALS_REFUSED, SIGN_IN_AGAIN ->
                    throw refused(account, action == Action.ACCOUNT_SPENT ? action : Action.CREDENTIALS_REFUSED, code,
                            response.reason());
            case ACCOUNT_PAUSED -> {
                pool.pause(account, rateLimitRest, "rate limit (" + code + ")");
                LOG.info("{} reached the per-minute limit ({}): it rests {} s", account, code,
                        rateLimitRest.toSeconds());
                throw new AccountUnavailableException(account + " answered " + code);
            }
        };
    }

    /** Webex refused the account's credentials, or its SetUser budget is spent: the next account takes the call. */
    private AccountUnavailableException refused(Account account, Action action, String code, String reason) {
        if (RefusedCredentials.forGood(account, action)) {
            pool.setAside(account, RefusedCredentials.why(account, code));
        } else {
            pool.spent(account, "Webex answered " + code + " " + reason + " to SetUser");
            LOG.warn("{} answered {} {}: its SetUser budget looks spent; it rests and the next account goes on",
                    account, code, reason);
        }
        return new AccountUnavailableException(account + " answered " + code);
    }

    /**
     * Webex's answer to a call: a transient failure when there is none yet (5xx, 429); not an answer at all for
     * another HTTP status or a body that is no XML API message.
     */
    static WebexResponse response(Integer http, InputStream body) throws TransientWebexException, NotAnAnswerException {
        int status = http == null ? 0 : http;
        if (status >= 500 || status == 429) {
            throw new TransientWebexException("HTTP " + status + " from Webex");
        }
        if (status != 200) {
            throw new NotAnAnswerException("HTTP " + status + " from Webex: check webex.url");
        }
        try {
            return WebexResponse.parse(body);
        } catch (MalformedResponseException e) {
            throw new NotAnAnswerException(e.getMessage());
        }
    }

    /** What came back is not an answer of the XML API: the row is an ERROR that says so. */
    static final class NotAnAnswerException extends Exception {

        private static final long serialVersionUID = 1L;

        NotAnAnswerException(String message) {
            super(message);
        }
    }

    /**
     * The row's stylesheet could not write its request (the route's catch, with the stylesheet's error): nothing
     * was sent, so the account's call is given back and the attempt does not count. The row is an ERROR that names
     * the stylesheet and what it said.
     */
    public RowVerdict unsent(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account,
            @Variable(RowVariables.ATTEMPTS) AtomicInteger attempts,
            @Variable(RowVariables.STYLESHEET) String stylesheet,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        pool.giveBack(account);
        attempts.decrementAndGet();
        return RowVerdict.of(Status.ERROR, "xslt/" + stylesheet + " cannot write this row's request: "
                + refusal(failure));
    }

    /** The stylesheet's own words when it refused the row (xsl:message terminate="yes", fn:error), else the error. */
    private static String refusal(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XPathException refused && refused.getErrorObject() != null) {
                try {
                    Item said = refused.getErrorObject().head();
                    if (said != null && !said.getStringValue().isBlank()) {
                        return said.getStringValue().strip();
                    }
                } catch (XPathException e) {
                    break;
                }
            }
        }
        return failure.getMessage();
    }

    /** The verdict of a row whose call got no definitive answer after its retries (the route's error handling). */
    public RowVerdict giveUp(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        return RowVerdict.of(Status.ERROR, describe(cause));
    }

    private static String describe(Exception cause) {
        if (cause instanceof TransientWebexException) {
            return cause.getMessage();
        }
        Optional<String> tls = TlsProblem.describe(cause);
        if (tls.isPresent()) {
            return tls.get();
        }
        String what = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? what : what + ": " + cause.getMessage();
    }
}
