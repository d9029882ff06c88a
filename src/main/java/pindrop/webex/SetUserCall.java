package pindrop.webex;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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
 * The bookkeeping around one SetUser call: before it, an account from the pool and its credentials as
 * stylesheet parameters; after it, Webex's answer judged by exceptionID into the row's status, a retry,
 * or a move to the next account.
 */
public final class SetUserCall {

    private static final Logger LOG = LoggerFactory.getLogger(SetUserCall.class);
    static final String ACCOUNT = RowVariables.CALL_ACCOUNT;
    /** The credentials the call carried (its session ticket, to know which one a 030047 refused). */
    static final String CREDENTIALS = RowVariables.CALL_CREDENTIALS;
    /** Whether the call already went out again after a 030047: a fresh ticket refused at once is not renewed twice. */
    static final String RESENT_FOR_TICKET = "resentForTicket";

    private final AccountPool pool;
    /** How long an account rests after Webex's per-minute limit (000045): 60 s as Webex documents. */
    private final Duration rateLimitRest;

    public SetUserCall(AccountPool pool, Duration rateLimitRest) {
        this.pool = pool;
        this.rateLimitRest = rateLimitRest;
    }

    /**
     * Takes an account for the call; with none to be had, the row is DEFERRED and the route skips the call. An
     * account that cannot get credentials now (its refresh token refused, no access token) gives the call back,
     * and the next account takes it.
     */
    public void prepare(Exchange exchange) throws AccountUnavailableException {
        Account account;
        try {
            account = pool.take();
        } catch (NoUsableAccountException e) {
            exchange.setVariable(RowVariables.VERDICT, RowVerdict.of(Status.DEFERRED, e.getMessage()));
            return;
        }
        exchange.setProperty(ACCOUNT, account);
        exchange.setVariable("account", account.id());
        MDC.put(LogFields.ACCOUNT, account.id());
        try {
            credentials(exchange, account);
        } catch (SignInException e) {
            pool.giveBack(account);
            throw unavailable(account, e);
        }
        exchange.setVariable(RESENT_FOR_TICKET, false);
        Batch batch = exchange.getProperty(RowVariables.BATCH, Batch.class);
        if (batch != null) {
            batch.callStarting(exchange.getProperty(Exchange.SPLIT_INDEX, Long.class));
        }
        // failover tries each account on a copy of the row's exchange: the counter is shared by reference
        exchange.getVariable("attempts", AtomicInteger.class).incrementAndGet();
    }

    /**
     * The caller's id and what the call carries (its session ticket, or its password or token: {@link SignIn}) as
     * stylesheet parameters for xslt/envelope.xsl; removed again after the call.
     */
    static void credentials(Exchange exchange, Account account) throws SignInException {
        Optional<SignIn> signIn = SignIn.of(exchange.getContext());
        Credentials credentials = signIn.isPresent() ? signIn.get().credentials(account)
                : Credentials.perCall(account, account.token());
        exchange.setProperty(CREDENTIALS, credentials);
        exchange.setVariable("callerId", account.id());
        exchange.setVariable("callerPassword", credentials.password());
        exchange.setVariable("callerToken", credentials.token());
        exchange.setVariable("sessionTicket", credentials.ticketValue());
    }

    /**
     * Webex answered 030047 to the call: when it carried a session ticket, the account signs in again (or, refused
     * a fresh ticket, goes on without tickets) and the new credentials are written for the same call to go out
     * again; false when it carried the password or token itself, which were refused.
     */
    static boolean renewTicket(Exchange exchange, Account account) throws SignInException {
        Optional<SignIn> signIn = SignIn.of(exchange.getContext());
        boolean resent = exchange.getVariable(RESENT_FOR_TICKET, false, Boolean.class);
        if (signIn.isEmpty()
                || !signIn.get().ticketRefused(account, exchange.getProperty(CREDENTIALS, Credentials.class), resent)) {
            return false;
        }
        credentials(exchange, account);
        exchange.setVariable(RESENT_FOR_TICKET, true);
        return true;
    }

    /**
     * The route's catch of a {@link TicketRefusedException}: the account signs in again, and the same call goes out
     * again with its new ticket. Takes the exchange because it writes the call's new credentials, as {@link #prepare}
     * does. An account whose ticket cannot be renewed cannot take the call: the next account does.
     */
    public void signInAgain(Exchange exchange) throws AccountUnavailableException {
        Account account = exchange.getProperty(ACCOUNT, Account.class);
        try {
            if (renewTicket(exchange, account)) {
                return;
            }
        } catch (SignInException e) {
            throw unavailable(account, e);
        }
        String answer = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        throw refused(account, Action.CREDENTIALS_REFUSED, answer.substring(0, 6), answer.substring(7));
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
            throw new TicketRefusedException(code + " " + response.reason());
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
     * was sent, so the account's call is given back and the attempt does not count. The row is an ERROR.
     */
    public void unsent(Exchange exchange) throws UnwritableRequestException {
        clearSecrets(exchange);
        pool.giveBack(exchange.getProperty(ACCOUNT, Account.class));
        exchange.removeProperty(ACCOUNT);
        exchange.removeVariable("account");
        exchange.getVariable("attempts", AtomicInteger.class).decrementAndGet();
        throw new UnwritableRequestException("xslt/" + exchange.getVariable("stylesheet", String.class)
                + " cannot write this row's request: "
                + refusal(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
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

    private static void clearSecrets(Exchange exchange) {
        exchange.removeVariable("callerPassword");
        exchange.removeVariable("callerToken");
        exchange.removeVariable("sessionTicket");
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
