package pindrop.status;

import java.util.List;
import java.util.Optional;

import org.apache.camel.Variable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pindrop.ActiveStandby;
import pindrop.account.AccountPool;
import pindrop.batch.Batches;
import pindrop.signin.SignIn;
import pindrop.signin.SignInStatus;
import pindrop.webex.SiteFailureBreaker;

/** The bean routes/status.camel.yaml calls: the live status as the page or as JSON, taken fresh each time. */
public final class LiveStatus {

    private final Batches batches;
    private final AccountPool pool;
    private final ActiveStandby leadership;
    private final SiteFailureBreaker siteFailures;
    private final ObjectMapper json = new ObjectMapper();
    private final Optional<SignIn> signIn;

    /** @param signIn how the accounts sign in, shown as its own section (signIn in the JSON) */
    public LiveStatus(Batches batches, AccountPool pool, ActiveStandby leadership, SiteFailureBreaker siteFailures,
            Optional<SignIn> signIn) {
        this.batches = batches;
        this.pool = pool;
        this.leadership = leadership;
        this.siteFailures = siteFailures;
        this.signIn = signIn;
    }

    /** The page, with a link to each job's input template (templateDownload, routes/status.camel.yaml). */
    public String html(@Variable("jobs") List<String> jobs) {
        return StatusHtml.render(RunStatus.of(batches, pool, leadership.role(), siteFailures), jobs,
                signIn.map(SignInStatus::of).orElse(null));
    }

    public String json() throws JsonProcessingException {
        ObjectNode status = json.valueToTree(RunStatus.of(batches, pool, leadership.role(), siteFailures));
        signIn.ifPresent(s -> status.set("signIn", json.valueToTree(SignInStatus.of(s))));
        return json.writeValueAsString(status);
    }
}
