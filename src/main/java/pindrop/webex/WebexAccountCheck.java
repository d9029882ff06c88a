package pindrop.webex;

import java.io.InputStream;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;

import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;

import pindrop.account.Account;
import pindrop.account.AccountCheck;
import pindrop.batch.RowVariables;
import pindrop.check.RowDocument;
import pindrop.outcome.RowVerdict;
import pindrop.signin.Credentials;
import pindrop.signin.SignIn;
import pindrop.signin.SignInException;

/**
 * GetUser on an admin account's own id through the {@code account-check} route: the account may run SetUser
 * for others only when Webex shows {@code siteAdmin} true. Each unusable verdict says what to fix. A check is a
 * call: without a definitive answer it is retried with the same back-off and limits as a row's.
 */
public final class WebexAccountCheck implements AccountCheck {

    /** The variable the check's route leaves its {@link Answer} in. */
    private static final String ACCOUNT_ANSWER = "accountAnswer";

    /**
     * One GetUser answer of a check: the verdict on the account, and whether Webex refused the session ticket the
     * check carried (030047: the account signs in again and the check goes out again).
     */
    public record Answer(Verdict verdict, boolean ticketRefused) {
    }

    private final ProducerTemplate template;
    private final RowDocument rowDocument;
    private final SignIn signIn;

    public WebexAccountCheck(ProducerTemplate template, RowDocument rowDocument, SignIn signIn) {
        this.template = template;
        this.rowDocument = rowDocument;
        this.signIn = signIn;
    }

    @Override
    public Verdict check(Account account) {
        NodeInfo self;
        try {
            self = rowDocument.of(0, account.id(), "", Map.of());
        } catch (XMLStreamException | SaxonApiException e) {
            return Verdict.unusable("its id cannot be written as XML: " + e.getMessage());
        }
        Exchange answer = template.getCamelContext().getEndpoint("direct:account-check").createExchange();
        answer.setVariable(RowVariables.ROW, self);
        answer.setProperty(RowVariables.CALL_ACCOUNT, account);
        send(answer);
        // a 030047 to its ticket: the account signs in again (its next credentials) and the same check goes out again
        boolean resent = false;
        while (ticketRefused(answer) && signIn.ticketRefused(account,
                answer.getProperty(RowVariables.CALL_CREDENTIALS, Credentials.class), resent)) {
            resent = true;
            send(answer);
        }
        SignInException refused = answer.getException(SignInException.class);
        if (refused != null) {
            return refused.forGood() ? Verdict.unusable(refused.getMessage()) : Verdict.noAnswer(refused.getMessage());
        }
        Exception failed = answer.getException();
        if (failed != null) {
            return Verdict.noAnswer(TlsProblem.describe(failed).orElse(failed.getMessage()));
        }
        // no verdict on the account: the route's retries were spent (setUserCall.giveUp said why in the row's verdict)
        Answer judged = answer.getVariable(ACCOUNT_ANSWER, Answer.class);
        return judged != null ? judged.verdict()
                : Verdict.noAnswer(answer.getVariable(RowVariables.VERDICT, RowVerdict.class).reason());
    }

    private static boolean ticketRefused(Exchange answer) {
        Answer judged = answer.getVariable(ACCOUNT_ANSWER, Answer.class);
        return answer.getException() == null && judged != null && judged.ticketRefused();
    }

    /**
     * One GetUser answer of a check, judged (the route writes it in variable {@code accountAnswer}); an answer that
     * is none yet (HTTP 5xx or 429, 000035) is a transient failure, which the route retries as it retries a row's
     * call.
     */
    public Answer judge(@Header(Exchange.HTTP_RESPONSE_CODE) Integer http, @Body InputStream body,
            @ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account) throws TransientWebexException {
        int status = http == null ? 0 : http;
        if (status >= 500 || status == 429) {
            throw new TransientWebexException("HTTP " + status + " from Webex");
        }
        if (status != 200) {
            return new Answer(Verdict.noAnswer("HTTP " + status), false);
        }
        try {
            WebexResponse response = WebexResponse.parse(body);
            Action action = ExceptionTable.actionFor(response);
            if (action == Action.RETRY) {
                throw new TransientWebexException(response.exceptionId() + " " + response.reason());
            }
            return new Answer(verdict(account, response), action == Action.SIGN_IN_AGAIN);
        } catch (MalformedResponseException e) {
            return new Answer(Verdict.noAnswer(e.getMessage()), false);
        }
    }

    /** GetUser on the account's own id; the route retries it without an answer. */
    private void send(Exchange exchange) {
        exchange.removeVariable(ACCOUNT_ANSWER);
        template.send("direct:account-check", exchange);
    }

    static Verdict verdict(Account account, WebexResponse response) {
        if (response.success()) {
            String siteAdmin = response.value("siteAdmin");
            return "true".equals(siteAdmin) ? Verdict.usable()
                    : Verdict.unusable(account.id() + " is not a site admin: GetUser shows siteAdmin=" + siteAdmin
                            + " (give it the site administrator role in Webex site administration)");
        }
        String answer = response.exceptionId() + " " + response.reason();
        return switch (ExceptionTable.actionFor(response)) {
            case RETRY, ACCOUNT_PAUSED -> Verdict.noAnswer(answer);
            case ACCOUNT_SPENT, CREDENTIALS_REFUSED, SIGN_IN_AGAIN -> Verdict.unusable("GetUser on its own id answered " + answer
                    + ": " + RefusedCredentials.why(account, response.exceptionId()));
            default -> Verdict.unusable("GetUser on its own id answered " + answer);
        };
    }
}
