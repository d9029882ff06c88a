package pindrop.signin;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;

import pindrop.account.Account;
import pindrop.batch.RowVariables;
import pindrop.check.RowDocument;
import pindrop.webex.ExceptionTable;
import pindrop.webex.MalformedResponseException;
import pindrop.webex.WebexResponse;

/**
 * AuthenticateUser through the {@code account-signin} route (xslt/authenticate.xsl, throttled in webex-post like
 * every call), its answer judged by exceptionID.
 */
public final class WebexSignIn implements Authenticator {

    /** The variable authenticate.xsl writes into the body: the access token AuthenticateUser exchanges. */
    private static final String SIGN_IN_TOKEN = "signInToken";

    private final ProducerTemplate template;
    private final RowDocument rowDocument;

    public WebexSignIn(ProducerTemplate template, RowDocument rowDocument) {
        this.template = template;
        this.rowDocument = rowDocument;
    }

    @Override
    public Answer signIn(Account account, String accessToken) {
        NodeInfo self;
        try {
            self = rowDocument.of(0, account.id(), "", Map.of());
        } catch (XMLStreamException | SaxonApiException e) {
            return new NotTaken("its id cannot be written as XML: " + e.getMessage());
        }
        Exchange answer = template.request("direct:account-signin", exchange -> {
            exchange.setVariable(RowVariables.ROW, self);
            // the password in the securityContext (route envelope), or an access token in the body (authenticate.xsl)
            exchange.setProperty(RowVariables.CALL_ACCOUNT, account);
            exchange.setProperty(RowVariables.CALL_CREDENTIALS,
                    new Credentials(accessToken.isEmpty() ? account.password() : "", "", null));
            exchange.setVariable(SIGN_IN_TOKEN, accessToken);
        });
        answer.removeProperty(RowVariables.CALL_CREDENTIALS);
        answer.removeVariable(SIGN_IN_TOKEN);
        if (answer.getException() != null) {
            return new NoAnswer(answer.getException().getClass().getSimpleName());
        }
        int http = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (http != 200) {
            return new NoAnswer("HTTP " + http);
        }
        try {
            return judge(WebexResponse.parse(answer.getMessage().getBody(InputStream.class)));
        } catch (MalformedResponseException e) {
            return new NoAnswer(e.getMessage());
        }
    }

    static Answer judge(WebexResponse response) {
        if (response.success()) {
            String ticket = response.value("sessionTicket");
            String timeToLive = response.value("timeToLive");
            if (ticket == null || ticket.isEmpty() || timeToLive == null || !timeToLive.matches("[0-9]{1,9}")) {
                return new NotTaken("AuthenticateUser answered SUCCESS without a sessionTicket and its timeToLive");
            }
            return new Issued(ticket, Duration.ofSeconds(Long.parseLong(timeToLive)));
        }
        String said = response.exceptionId() + " " + response.reason();
        return switch (ExceptionTable.actionFor(response)) {
            case RETRY, ACCOUNT_PAUSED -> new NoAnswer(said);
            case ACCOUNT_SPENT, CREDENTIALS_REFUSED -> new CredentialsRefused(said);
            default -> new NotTaken(said);
        };
    }
}
