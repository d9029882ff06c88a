package pindrop.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import pindrop.account.AccountPool;
import pindrop.batch.Batches;
import pindrop.signin.SignIn;
import pindrop.signin.SignInStatus;

/** The bean routes/status.camel.yaml calls: the live status as the page or as JSON, taken fresh each time. */
public final class LiveStatus {

    private final Batches batches;
    private final AccountPool pool;
    private final ObjectMapper json = new ObjectMapper();
    private final Optional<SignIn> signIn;

    public LiveStatus(Batches batches, AccountPool pool) {
        this(batches, pool, Optional.empty());
    }

    /** @param signIn how the accounts sign in, shown as its own section (signIn in the JSON) */
    public LiveStatus(Batches batches, AccountPool pool, Optional<SignIn> signIn) {
        this.batches = batches;
        this.pool = pool;
        this.signIn = signIn;
    }

    public String html() {
        return StatusHtml.render(RunStatus.of(batches, pool), signIn.map(SignInStatus::of).orElse(null));
    }

    public String json() throws JsonProcessingException {
        ObjectNode status = json.valueToTree(RunStatus.of(batches, pool));
        signIn.ifPresent(s -> status.set("signIn", json.valueToTree(SignInStatus.of(s))));
        return json.writeValueAsString(status);
    }
}
