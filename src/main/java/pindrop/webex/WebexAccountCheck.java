package pindrop.webex;

import java.io.InputStream;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;

import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;

import pindrop.account.Account;
import pindrop.account.AccountCheck;
import pindrop.batch.RowVariables;
import pindrop.check.RowDocument;
import pindrop.outcome.RowVerdict;
import pindrop.signin.SignInException;

/**
 * GetUser on an admin account's own id through the {@code account-check} route: the account may run SetUser
 * for others only when Webex shows {@code siteAdmin} true. Each unusable verdict says what to fix. A check is a
 * call: without a definitive answer it is retried with the same back-off and limits as a row's.
 */
public final class WebexAccountCheck implements AccountCheck {

    /** The variable the check's route leaves its {@link Verdict} in. */
    private static final String ACCOUNT_VERDICT = "accountVerdict";
    /** The variable that says Webex refused the check's session ticket (030047): sign in again, check again. */
    private static final String TICKET_REFUSED = "ticketRefused";

    private final ProducerTemplate template;
    private final RowDocument rowDocument;

    public WebexAccountCheck(ProducerTemplate template, RowDocument rowDocument) {
        this.template = template;
        this.rowDocument = rowDocument;
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
        answer.setVariable("row", self);
        answer.setProperty(SetUserCall.ACCOUNT, account);
        try {
            send(answer);
            // a 030047 to its ticket: the account signs in again and the same check goes out again
            while (answer.getVariable(TICKET_REFUSED, false, Boolean.class) && SetUserCall.renewTicket(answer, account)) {
                send(answer);
            }
        } catch (SignInException e) {
            return e.forGood() ? Verdict.unusable(e.getMessage()) : Verdict.noAnswer(e.getMessage());
        }
        SignInException signIn = answer.getException(SignInException.class);
        if (signIn != null) {
            return signIn.forGood() ? Verdict.unusable(signIn.getMessage()) : Verdict.noAnswer(signIn.getMessage());
        }
        Exception failed = answer.getException();
        if (failed != null) {
            return Verdict.noAnswer(TlsProblem.describe(failed).orElse(failed.getMessage()));
        }
        // no verdict on the account: the route's retries were spent (setUserCall.giveUp said why in the row's verdict)
        Verdict verdict = answer.getVariable(ACCOUNT_VERDICT, Verdict.class);
        return verdict != null ? verdict
                : Verdict.noAnswer(answer.getVariable(RowVariables.VERDICT, RowVerdict.class).reason());
    }

    /**
     * Judges one GetUser answer of a check into the variable {@code accountVerdict}; an answer that is none yet (HTTP
     * 5xx or 429, 000035) is a transient failure, which the route retries as it retries a row's call.
     */
    public void judge(Exchange exchange) throws TransientWebexException {
        Account account = exchange.getProperty(SetUserCall.ACCOUNT, Account.class);
        int http = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (http >= 500 || http == 429) {
            throw new TransientWebexException("HTTP " + http + " from Webex");
        }
        Verdict verdict;
        if (http != 200) {
            verdict = Verdict.noAnswer("HTTP " + http);
        } else {
            try {
                WebexResponse response = WebexResponse.parse(exchange.getMessage().getBody(InputStream.class));
                Action action = ExceptionTable.actionFor(response);
                if (action == Action.RETRY) {
                    throw new TransientWebexException(response.exceptionId() + " " + response.reason());
                }
                exchange.setVariable(TICKET_REFUSED, action == Action.SIGN_IN_AGAIN);
                verdict = verdict(account, response);
            } catch (MalformedResponseException e) {
                verdict = Verdict.noAnswer(e.getMessage());
            }
        }
        exchange.setVariable(ACCOUNT_VERDICT, verdict);
    }

    /**
     * What the check's call carries (its session ticket, or the password or token), written for each attempt: a
     * call's secrets are gone once it is answered (webex-post), and a retry comes back for new ones.
     */
    public void credentials(@ExchangeProperty(RowVariables.CALL_ACCOUNT) Account account, Exchange exchange)
            throws SignInException {
        SetUserCall.credentials(exchange, account);
    }

    /** GetUser on the account's own id; the route retries it without an answer. */
    private void send(Exchange exchange) {
        exchange.removeVariable(TICKET_REFUSED);
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
