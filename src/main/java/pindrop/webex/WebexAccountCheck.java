package pindrop.webex;

import java.io.InputStream;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;

import pindrop.account.Account;
import pindrop.account.AccountCheck;
import pindrop.check.RowDocument;
import pindrop.signin.SignInException;

/**
 * GetUser on an admin account's own id through the {@code account-check} route: the account may run SetUser
 * for others only when Webex shows {@code siteAdmin} true. Each unusable verdict says what to fix.
 */
public final class WebexAccountCheck implements AccountCheck {

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
        try {
            SetUserCall.credentials(answer, account);
            send(answer);
            // a 030047 to its ticket: the account signs in again and the same check goes out again
            while (ticketRefused(answer) && SetUserCall.signInAgain(answer, account)) {
                send(answer);
            }
        } catch (SignInException e) {
            return e.forGood() ? Verdict.unusable(e.getMessage()) : Verdict.noAnswer(e.getMessage());
        }
        Exception failed = answer.getException();
        if (failed != null) {
            return Verdict.noAnswer(TlsProblem.describe(failed).orElse(failed.getMessage()));
        }
        int http = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (http != 200) {
            return Verdict.noAnswer("HTTP " + http);
        }
        try {
            return verdict(account, WebexResponse.parse(answer.getMessage().getBody(InputStream.class)));
        } catch (MalformedResponseException e) {
            return Verdict.noAnswer(e.getMessage());
        }
    }

    /** GetUser on the account's own id, with the credentials the exchange holds; its answer kept to be read twice. */
    private void send(Exchange exchange) {
        template.send("direct:account-check", exchange);
        SetUserCall.clearSecrets(exchange);
        if (exchange.getException() == null) {
            exchange.getMessage().setBody(exchange.getMessage().getBody(byte[].class));
        }
    }

    private static boolean ticketRefused(Exchange answer) {
        if (answer.getException() != null
                || answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) != 200) {
            return false;
        }
        try {
            return ExceptionTable.actionFor(WebexResponse.parse(answer.getMessage().getBody(InputStream.class)))
                    == Action.SIGN_IN_AGAIN;
        } catch (MalformedResponseException e) {
            return false;
        }
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
