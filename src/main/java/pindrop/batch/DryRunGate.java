package pindrop.batch;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InboxGate} of the dry-run folders: a dry run sends no SetUser, so it needs no admin account
 * that can take one, only an outbox and a state folder it can write to its end.
 */
public final class DryRunGate implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunGate.class);

    private final WritableFolders writable;
    private Optional<String> closedBecause = Optional.empty();

    public DryRunGate(Path outbox, Path state) {
        this.writable = new WritableFolders(outbox, state);
    }

    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        Optional<String> now = writable.problem();
        if (!now.equals(closedBecause)) {
            now.ifPresentOrElse(why -> LOG.warn("Dry runs wait: {}", why), () -> LOG.info("Dry runs can go on"));
            closedBecause = now;
        }
        return now.isEmpty();
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // nothing to do after a poll
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        return false;
    }
}
