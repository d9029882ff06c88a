package pindrop.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import pindrop.account.AccountPool;
import pindrop.batch.Batches;
import pindrop.webex.SiteFailureBreaker;

/** The bean routes/status.camel.yaml calls: the live status as the page or as JSON, taken fresh each time. */
public final class LiveStatus {

    private final Batches batches;
    private final AccountPool pool;
    private final SiteFailureBreaker siteFailures;
    private final ObjectMapper json = new ObjectMapper();

    public LiveStatus(Batches batches, AccountPool pool, SiteFailureBreaker siteFailures) {
        this.batches = batches;
        this.pool = pool;
        this.siteFailures = siteFailures;
    }

    public String html() {
        return StatusHtml.render(RunStatus.of(batches, pool, siteFailures));
    }

    public String json() throws JsonProcessingException {
        return json.writeValueAsString(RunStatus.of(batches, pool, siteFailures));
    }
}
