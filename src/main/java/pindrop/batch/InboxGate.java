package pindrop.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.AccountPool;
import pindrop.outcome.Outbox;

/**
 * Keeps the inbox closed while no file could be processed to its end: no admin account can take a call, or
 * the outbox or the state folder cannot be written (a full disk). A job route's file consumer asks it before
 * each poll, so files wait in the inbox instead of ending as rows of DEFERRED or as half a run. The reason
 * goes to the log once per change and to {@code outbox/pindrop.status.json} when it can be written. The
 * first poll is the start-up check of the accounts.
 */
public final class InboxGate implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(InboxGate.class);

    private final AccountPool pool;
    private final Outbox outbox;
    private final WritableFolders writable;
    private volatile Optional<String> closedBecause = Optional.empty();
    private String lastStatus;

    public InboxGate(AccountPool pool, Outbox outbox, Path state) {
        this.pool = pool;
        this.outbox = outbox;
        this.writable = new WritableFolders(outbox.dir(), state);
    }

    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        if (!endpoint.getCamelContext().isStarted()) {
            // a GetUser check made while Camel still starts finds its stylesheet's endpoint unstarted, and toD
            // keeps that endpoint, so the account could never be checked: the next poll checks it
            return false;
        }
        closedBecause = writable.problem().or(pool::whyUnusable);
        // the accounts' states, not their times, so a wait is reported once and not every poll
        String status = closedBecause.isEmpty() + " " + pool.view().stream()
                .map(v -> v.id() + " " + v.state() + " " + v.why()).toList();
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            closedBecause.ifPresentOrElse(why -> LOG.warn("Files wait in the inbox: {}", why),
                    () -> LOG.info("An admin account is ready: the inbox is open"));
            writeStatus();
        }
        return closedBecause.isEmpty();
    }

    /** Why files are not taken now; empty when the inbox is open. */
    public Optional<String> closedBecause() {
        return closedBecause;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // nothing to do after a poll
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        return false;
    }

    private void writeStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("at", Instant.now().toString());
        status.put("accountUsable", closedBecause.isEmpty());
        closedBecause.ifPresent(why -> status.put("reason", why));
        status.put("accounts", pool.view());
        try {
            outbox.publishStatus(status);
        } catch (IOException e) {
            LOG.warn("outbox/pindrop.status.json could not be written: {}", e.getMessage());
        }
    }
}
