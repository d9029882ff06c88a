package pindrop.status;

import java.util.List;

import org.apache.camel.Variable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import pindrop.ActiveStandby;
import pindrop.account.AccountPool;
import pindrop.batch.Batches;
import pindrop.webex.SiteFailureBreaker;

/** The bean routes/status.camel.yaml calls: the live status as the page or as JSON, taken fresh each time. */
public final class LiveStatus {

    private final Batches batches;
    private final AccountPool pool;
    private final ActiveStandby leadership;
    private final SiteFailureBreaker siteFailures;
    private final ObjectMapper json = new ObjectMapper();

    public LiveStatus(Batches batches, AccountPool pool, ActiveStandby leadership, SiteFailureBreaker siteFailures) {
        this.batches = batches;
        this.pool = pool;
        this.leadership = leadership;
        this.siteFailures = siteFailures;
    }

    /** The page, with a link to each job's input template (templateDownload, routes/status.camel.yaml). */
    public String html(@Variable("jobs") List<String> jobs) {
        return StatusHtml.render(RunStatus.of(batches, pool, leadership.role(), siteFailures), jobs);
    }

    public String json() throws JsonProcessingException {
        return json.writeValueAsString(RunStatus.of(batches, pool, leadership.role(), siteFailures));
    }
}
