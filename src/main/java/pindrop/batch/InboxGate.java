package pindrop.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import pindrop.webex.SiteFailureBreaker;

/**
 * Keeps the inbox closed while no file could be processed to its end: no admin account can take a call, the
 * whole site fails (until one row is due to be sent again, {@link SiteFailureBreaker}), or the outbox or the
 * state folder cannot be written (a full disk). A job route's file consumer asks it before
 * each poll, so files wait in the inbox instead of ending as rows of DEFERRED or as half a run. The reason
 * goes to the log once per change and to {@code outbox/pindrop.status.json} when it can be written. The
 * first poll is the start-up check of the accounts.
 */
public final class InboxGate implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(InboxGate.class);

    private final AccountPool pool;
    private final SiteFailureBreaker siteFailures;
    private final Outbox outbox;
    private final WritableFolders writable;
    private volatile Optional<String> closedBecause = Optional.empty();
    /** Since when the gate is closed for want of an account (not a full disk); null while it is not. */
    private volatile Instant waitingForAccountSince;
    private String lastStatus;

    public InboxGate(AccountPool pool, Outbox outbox, Path state, SiteFailureBreaker siteFailures) {
        this.pool = pool;
        this.siteFailures = siteFailures;
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
        Optional<String> unwritable = writable.problem();
        Optional<String> siteFails = siteFailures.whyClosed();
        closedBecause = unwritable.or(() -> siteFails).or(pool::whyUnusable);
        if (unwritable.isPresent() || siteFails.isPresent() || closedBecause.isEmpty()) {
            waitingForAccountSince = null;
        } else if (waitingForAccountSince == null) {
            waitingForAccountSince = Instant.now();
        }
        // the accounts' states, not their times, so a wait is reported once and not every poll
        String status = closedBecause.isEmpty() + " " + siteFails.isPresent() + " " + pool.view().stream()
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

    /**
     * Why files cannot be taken within {@code wait}: the outbox or state folder cannot be written, or no admin
     * account is back within {@code wait} of the gate's closing (one whose check got no answer is checked again
     * soon, so it may be). Empty while the inbox is open or an account may still come back in time.
     */
    public Optional<String> closedBeyond(Duration wait) {
        Optional<String> why = closedBecause;
        Instant since = waitingForAccountSince;
        if (why.isEmpty() || since == null) {
            return why;
        }
        Instant deadline = since.plus(wait);
        Optional<Instant> back = pool.nextUsableAt();
        boolean mayComeBack = Instant.now().isBefore(deadline) && back.isPresent() && !back.get().isAfter(deadline);
        return mayComeBack ? Optional.empty() : why;
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
