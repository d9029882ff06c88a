package pindrop.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the state of the admin accounts: which may call now, how many SetUser calls each made in its quota
 * window, which rests and until when, which is set aside and why. Accounts are used one after another
 * (sticky), so each account's budget is spent in one stretch. An account is checked with GetUser before its
 * first use and again after a rest. Routes ask the pool for an account and tell it what Webex answered;
 * they never count. Calls and rests survive a restart through the {@link AccountLedger}.
 */
public final class AccountPool implements Service {

    /** The pool's limits; {@code patience} is how long a call waits for an account that comes back soon. */
    public record Settings(int quota, Duration quotaWindow, Duration coolDown, Duration patience) {
    }

    public enum State { UNCHECKED, READY, RESTING, SET_ASIDE }

    /** An account's state as the status page and the logs show it; never its secret. */
    public record View(String id, State state, int calls, int callsLeft, String backAt, String why) {

        /** Whether the account can take a call now; the first such account in the pool's order is the one in use. */
        public boolean takesCalls() {
            return state == State.READY && callsLeft > 0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccountPool.class);
    /** Calls are saved this often by a saver of its own: file I/O under the pool's lock stalled every call. */
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    /** A check without an answer (a 503, a network fault) is tried again soon, as a call would be. */
    private static final Duration RECHECK_AFTER_NO_ANSWER = Duration.ofSeconds(5);

    private final List<Slot> slots = new ArrayList<>();
    private final Settings settings;
    private final Clock clock;
    private final AccountLedger ledger;
    private AccountCheck check = account -> AccountCheck.Verdict.usable();
    private boolean unsaved;
    private ScheduledExecutorService saver;
    private volatile boolean following;

    public AccountPool(List<Account> accounts, Settings settings, Clock clock, AccountLedger ledger) {
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
        for (Account account : accounts) {
            slots.add(new Slot(account));
        }
        restore(load(ledger));
    }

    private void restore(Map<String, AccountLedger.Entry> saved) {
        for (Slot slot : slots) {
            AccountLedger.Entry entry = saved.get(slot.account.id());
            if (entry != null) {
                slot.calls = entry.calls();
                slot.windowStart = entry.windowStart();
                if (entry.restUntil() != null) {
                    slot.state = State.RESTING;
                    slot.restUntil = entry.restUntil();
                    slot.why = entry.why();
                }
            }
        }
    }

    /**
     * A standby's pool (pindrop.ha): another pindrop leads on the state folder, its ledger is the truth, and this
     * pool must not overwrite it with its own stale counts.
     */
    public void follow() {
        following = true;
    }

    /** Takes over from the leader: its calls and rests, as its ledger has them, count from now on. */
    public synchronized void lead() {
        restore(load(ledger));
        following = false;
    }

    public static AccountPool create(List<Account> accounts, Settings settings, Path stateDir) {
        return new AccountPool(accounts, settings, Clock.systemUTC(), new AccountLedger(stateDir));
    }

    /** The GetUser check, set once the routes that make it exist. */
    public synchronized void checkWith(AccountCheck accountCheck) {
        this.check = accountCheck;
    }

    /**
     * The account for the next SetUser call, which counts against its quota from now on. Waits up to the
     * pool's patience for an account that rests only briefly (the per-minute limit); past that, no account.
     */
    public synchronized Account take() throws NoUsableAccountException {
        Instant giveUpAt = clock.instant().plus(settings.patience());
        while (true) {
            Instant now = clock.instant();
            Optional<Slot> ready = firstReady(now);
            if (ready.isPresent()) {
                Slot slot = ready.get();
                if (slot.windowStart == null) {
                    slot.windowStart = now;
                }
                slot.calls++;
                if (slot.calls == settings.quota()) {
                    LOG.info("{} made its {} SetUser calls of this window: the next account goes on", slot.account,
                            settings.quota());
                }
                unsaved = true;
                return slot.account;
            }
            Optional<Instant> back = earliestBack(now);
            if (back.isEmpty() || back.get().isAfter(giveUpAt)) {
                throw new NoUsableAccountException(whyNone(back));
            }
            try {
                wait(Math.max(1, Duration.between(now, back.get()).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoUsableAccountException("interrupted while waiting for an account");
            }
        }
    }

    /** Webex said the account's SetUser budget is spent: it rests for the cool-down, never retried before. */
    public void spent(Account account, String why) {
        synchronized (this) {
            rest(slotOf(account), settings.coolDown(), why);
        }
        save();
    }

    /** A call {@link #take() taken} but never made (its request could not be written) no longer counts. */
    public synchronized void giveBack(Account account) {
        Slot slot = slotOf(account);
        slot.calls--;
        if (slot.calls == 0) {
            slot.windowStart = null;
        }
        unsaved = true;
        notifyAll();
    }

    /**
     * Webex refused the account's credentials for good (an expired access token): no rest or check can bring
     * it back, so it is never used again until pindrop is restarted with new credentials.
     */
    public synchronized void setAside(Account account, String why) {
        Slot slot = slotOf(account);
        if (slot.state != State.SET_ASIDE) {
            slot.state = State.SET_ASIDE;
            slot.why = why;
            LOG.error("{} is set aside and never used: {}", account, why);
        }
    }

    /** The account hit the per-minute limit: it rests briefly and goes on without a new check. */
    public synchronized void pause(Account account, Duration rest, String why) {
        Slot slot = slotOf(account);
        if (slot.state == State.READY) {
            rest(slot, rest, why);
            slot.recheck = false;
        }
    }

    /**
     * An account for GetUser on other users (a dry run's user check): the first that is not set aside, checked
     * first if it never was. A resting account will do: Webex refuses its SetUser calls, not its GetUser calls.
     */
    public synchronized Optional<Account> forLookups() {
        Instant now = clock.instant();
        for (Slot slot : slots) {
            renew(slot, now);
            if (slot.state == State.UNCHECKED) {
                runCheck(slot, now);
            }
            if (slot.state != State.SET_ASIDE && slot.state != State.UNCHECKED) {
                return Optional.of(slot.account);
            }
        }
        return Optional.empty();
    }

    /** True when an account can take a call now, checking unchecked accounts first. */
    public synchronized boolean anyUsable() {
        return firstReady(clock.instant()).isPresent();
    }

    /** Why no account can take a call, and when the first comes back; empty when one can. */
    public synchronized Optional<String> whyUnusable() {
        Instant now = clock.instant();
        return firstReady(now).isPresent() ? Optional.empty() : Optional.of(whyNone(earliestBack(now)));
    }

    /** When the first account that can take calls again comes back; empty when none ever will. */
    public synchronized Optional<Instant> nextUsableAt() {
        return earliestBack(clock.instant());
    }

    public synchronized List<View> view() {
        return slots.stream().map(s -> new View(s.account.id(), s.state, s.calls,
                Math.max(0, settings.quota() - s.calls), backAt(s).map(Instant::toString).orElse(null), s.why))
                .toList();
    }

    @Override
    public synchronized void start() {
        saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pindrop-account-saver");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveIfUnsaved, SAVE_EVERY.toMillis(), SAVE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Saves the usage when pindrop stops, so the next start knows every call. */
    @Override
    public void stop() {
        synchronized (this) {
            if (saver != null) {
                saver.shutdown();
            }
        }
        save();
    }

    /** Writes what must survive a restart: a snapshot taken under the lock, written outside it. */
    public void save() {
        if (following) {
            return;
        }
        Map<String, AccountLedger.Entry> entries = new HashMap<>();
        synchronized (this) {
            for (Slot s : slots) {
                entries.put(s.account.id(), new AccountLedger.Entry(s.calls, s.windowStart,
                        s.state == State.RESTING && s.recheck ? s.restUntil : null, s.why));
            }
            unsaved = false;
        }
        try {
            ledger.save(entries);
        } catch (IOException e) {
            LOG.warn("the account usage could not be saved ({}); it is kept in memory", e.getMessage());
        }
    }

    private void saveIfUnsaved() {
        boolean due;
        synchronized (this) {
            due = unsaved;
        }
        if (due) {
            save();
        }
    }

    private Optional<Slot> firstReady(Instant now) {
        for (Slot slot : slots) {
            renew(slot, now);
            if (slot.state == State.UNCHECKED) {
                runCheck(slot, now);
            }
            if (slot.state == State.READY && slot.calls < settings.quota()) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /** A rest that is over, or a quota window that ended, gives the account back. */
    private void renew(Slot slot, Instant now) {
        if (slot.windowStart != null && !now.isBefore(slot.windowStart.plus(settings.quotaWindow()))) {
            slot.calls = 0;
            slot.windowStart = null;
        }
        if (slot.state == State.RESTING && !now.isBefore(slot.restUntil)) {
            slot.state = slot.recheck ? State.UNCHECKED : State.READY;
            slot.why = "";
        }
    }

    private void runCheck(Slot slot, Instant now) {
        AccountCheck.Verdict verdict = check.check(slot.account);
        switch (verdict.kind()) {
            case USABLE -> {
                slot.state = State.READY;
                slot.why = "";
                LOG.info("{} is a site admin: ready", slot.account);
            }
            case UNUSABLE -> {
                slot.state = State.SET_ASIDE;
                slot.why = verdict.why();
                LOG.error("{} is set aside and never used: {}", slot.account, verdict.why());
            }
            case NO_ANSWER -> {
                rest(slot, RECHECK_AFTER_NO_ANSWER, "could not be checked: " + verdict.why());
                LOG.warn("{} could not be checked ({}); trying again in {} s", slot.account, verdict.why(),
                        RECHECK_AFTER_NO_ANSWER.toSeconds());
            }
        }
    }

    private void rest(Slot slot, Duration rest, String why) {
        slot.state = State.RESTING;
        slot.restUntil = clock.instant().plus(rest);
        slot.why = why;
        slot.recheck = true;
    }

    private Optional<Instant> earliestBack(Instant now) {
        return slots.stream().map(this::backAt).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    private Optional<Instant> backAt(Slot s) {
        if (s.state == State.SET_ASIDE) {
            return Optional.empty();
        }
        Instant back = s.state == State.RESTING ? s.restUntil : clock.instant();
        if (s.calls >= settings.quota() && s.windowStart != null) {
            Instant windowEnd = s.windowStart.plus(settings.quotaWindow());
            back = back.isAfter(windowEnd) ? back : windowEnd;
        }
        return Optional.of(back);
    }

    private String whyNone(Optional<Instant> back) {
        if (slots.isEmpty()) {
            return "no admin account is configured (set WEBEX_ACCOUNT_1_ID and WEBEX_ACCOUNT_1_PASSWORD)";
        }
        String states = slots.stream()
                .map(s -> s.account.id() + " " + (s.state == State.READY && s.calls >= settings.quota()
                        ? "made its " + settings.quota() + " calls" : s.why))
                .collect(Collectors.joining("; "));
        return "no admin account can take a call now (" + states + ")"
                + back.map(b -> "; the first is usable again at " + b).orElse("; none will be without a fix");
    }

    private Slot slotOf(Account account) {
        return slots.stream().filter(s -> s.account.equals(account)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an account of this pool: " + account));
    }

    private static Map<String, AccountLedger.Entry> load(AccountLedger ledger) {
        try {
            return ledger.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the account usage in " + e.getMessage() + " cannot be read", e);
        }
    }

    private static final class Slot {
        final Account account;
        State state = State.UNCHECKED;
        int calls;
        Instant windowStart;
        Instant restUntil = Instant.MIN;
        String why = "";
        /** After this rest, check the account with GetUser again (not after a per-minute pause). */
        boolean recheck = true;

        Slot(Account account) {
            this.account = account;
        }
    }
}
