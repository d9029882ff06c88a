package pindrop.batch;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * When pindrop is asked to stop (Ctrl-C, SIGTERM), the files in progress start no further row: the rows in
 * flight finish within Camel's shutdown timeout, their outcomes are journaled, and the next start resumes.
 */
public final class GracefulStop extends EventNotifierSupport {

    private final Batches batches;

    public GracefulStop(Batches batches) {
        this.batches = batches;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        batches.stopAll("pindrop is stopping");
    }
}
