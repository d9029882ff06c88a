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
import java.util.Objects;
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
 * window, which rests and until when, which is set aside and why, and each one's pace under Webex's unpublished
 * per-minute limit ({@link AccountPace}), and the site's. Accounts are used in parallel: a call goes to the
 * account that can take one soonest, each at its own pace, so every account's per-minute budget is in use at
 * once. An account is checked with GetUser before its first use and again after a rest. Routes ask the pool for
 * an account and tell it what Webex answered; they never count. Calls and rests survive a restart through the
 * {@link AccountLedger}, the learned limits through the {@link PaceFile}.
 */
public final class AccountPool implements Service {

    /** The pool's limits; {@code patience} is how long a call waits for an account that comes back soon. */
    public record Settings(int quota, Duration quotaWindow, Duration coolDown, Duration patience) {
    }

    /**
     * How calls are paced: the window Webex's per-minute limit counts in, the pace an account starts at (calls per
     * window; infinite for none), and the share of a learned limit left unused (for others who share it).
     */
    public record Pacing(Duration window, double start, double headroom) {
        /** No pace until Webex answers 000045, as a test of the pool's other bookkeeping wants. */
        static final Pacing NONE = new Pacing(Duration.ofMinutes(1), Double.POSITIVE_INFINITY, 0.05);
    }

    /** A caller's pace as the status page shows it: the learned limit (null until met) and the pace, per window. */
    public record PaceView(String id, Integer limit, double pace) {
    }

    public enum State { UNCHECKED, READY, RESTING, SET_ASIDE }

    /** An account's state as the status page and the logs show it; never its secret. */
    public record View(String id, State state, int calls, int callsLeft, String backAt, String why) {

        /** Whether the account can take calls now (at its pace): every such account is in use. */
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
    private final Pacing pacing;
    private final PaceFile paceFile;
    /** Held while the state is written, outside the pool's own lock: calls are not held up by a disk's force. */
    private final Object saving = new Object();
    /** The site as a whole: unpaced until every account meets 000045 together. */
    private final AccountPace site;
    private Instant siteLearnedAt = Instant.MIN;
    private boolean limitsUnsaved;
    private AccountCheck check = account -> AccountCheck.Verdict.usable();
    private boolean unsaved;
    private ScheduledExecutorService saver;
    private volatile boolean following;

    public AccountPool(List<Account> accounts, Settings settings, Clock clock, AccountLedger ledger) {
        this(accounts, settings, Pacing.NONE, clock, ledger, null);
    }

    AccountPool(List<Account> accounts, Settings settings, Pacing pacing, Clock clock, AccountLedger ledger,
            PaceFile paceFile) {
        this.settings = settings;
        this.pacing = pacing;
        this.clock = clock;
        this.ledger = ledger;
        this.paceFile = paceFile;
        this.site = new AccountPace(pacing.window(), Double.POSITIVE_INFINITY, pacing.headroom());
        for (Account account : accounts) {
            slots.add(new Slot(account, new AccountPace(pacing.window(), pacing.start(), pacing.headroom())));
        }
        restore(load(ledger), loadLimits(paceFile));
    }

    /** The calls, rests and learned limits a pindrop before this one left in the state folder. */
    private void restore(Map<String, AccountLedger.Entry> saved, Map<String, Integer> limits) {
        Optional.ofNullable(limits.get(PaceFile.SITE)).ifPresent(site::restore);
        for (Slot slot : slots) {
            Optional.ofNullable(limits.get(slot.account.id())).ifPresent(slot.pace::restore);
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
        restore(load(ledger), loadLimits(paceFile));
        following = false;
    }

    public static AccountPool create(List<Account> accounts, Settings settings, Pacing pacing, Path stateDir) {
        return new AccountPool(accounts, settings, pacing, Clock.systemUTC(), new AccountLedger(stateDir),
                new PaceFile(stateDir, pacing.window()));
    }

    /** The GetUser check, set once the routes that make it exist. */
    public synchronized void checkWith(AccountCheck accountCheck) {
        this.check = accountCheck;
    }

    /**
     * The account for the next SetUser call, which counts against its quota from now on: of the accounts that
     * can take calls, the one whose pace (and the site's) lets it call soonest, after waiting for that pace. Waits
     * up to the pool's patience for an account that rests only briefly (the per-minute limit); past that, no
     * account.
     */
    public synchronized Account take() throws NoUsableAccountException {
        Instant giveUpAt = clock.instant().plus(settings.patience());
        while (true) {
            Instant now = clock.instant();
            long nowMillis = now.toEpochMilli();
            Optional<Slot> soonest = soonestPaced(now);
            if (soonest.isPresent()) {
                Slot slot = soonest.get();
                long at = Math.max(slot.pace.readyAt(nowMillis), site.readyAt(nowMillis));
                if (at > nowMillis) {
                    // a pace's wait is at most a window over the pace: never a reason to defer the row
                    waitFor(at - nowMillis);
                    continue;
                }
                if (slot.windowStart == null) {
                    slot.windowStart = now;
                }
                slot.pace.took(nowMillis);
                site.took(nowMillis);
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
            waitFor(Duration.between(now, back.get()).toMillis());
        }
    }

    private void waitFor(long millis) throws NoUsableAccountException {
        try {
            wait(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoUsableAccountException("interrupted while waiting for an account");
        }
    }

    /**
     * The account made a call that is not one of the pool's SetUser calls (its sign-in): Webex counts it against
     * the account's per-minute limit, so its pace counts it too.
     */
    public synchronized void countedOutside(Account account) {
        slotOf(account).pace.counted(clock.millis());
    }

    /** Webex answered the account's call (anything but 000045): its pace may grow. */
    public synchronized void answered(Account account) {
        long now = clock.millis();
        slotOf(account).pace.answered(now);
        site.answered(now);
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

    /**
     * The account hit the per-minute limit: it rests briefly and goes on without a new check. Its first 000045 of
     * a rest teaches its pace the limit (calls answered 000045 after it were in flight, and teach nothing new);
     * when every account has met 000045 together (within a twentieth of a window, or by the slowest account's
     * next call), the limit is the site's. No refused call counts towards a limit, nor against the quota: Webex
     * refuses it before it changes anything (as the simulator does); were it counted at Webex after all, the
     * quota's margin under the ~800-call lock covers it.
     */
    public synchronized void pause(Account account, Duration rest, String why) {
        Slot slot = slotOf(account);
        // the refused call counts at Webex neither for the account nor for the site
        slot.pace.refused();
        site.refused();
        if (slot.calls > 0) {
            slot.calls--;
            unsaved = true;
        }
        if (slot.state == State.READY) {
            rest(slot, rest, why);
            slot.recheck = false;
            Instant now = clock.instant();
            learn(slot, now);
            learnSite(now, rest);
        }
        notifyAll();
    }

    /**
     * The account cannot call for a while for a reason that says nothing of Webex's limits (its credentials could
     * not be had: a token endpoint or sign-in without an answer): it rests, and its pace learns nothing from it.
     */
    public synchronized void restWithoutCredentials(Account account, Duration rest, String why) {
        Slot slot = slotOf(account);
        if (slot.state == State.READY) {
            rest(slot, rest, why);
            slot.recheck = false;
        }
    }

    private void learn(Slot slot, Instant now) {
        int calls = slot.pace.letThrough(now.toEpochMilli());
        boolean first = slot.pace.rateLimited(now.toEpochMilli(), slot.restUntil.toEpochMilli());
        slot.rateLimitedAt = now;
        limitsUnsaved = true;
        LOG.info("{} met Webex's per-minute limit after {} calls let through: {}; its pace is {} calls per window now",
                slot.account, calls, first ? "its limit is learned" : "its limit is lower",
                (int) slot.pace.pace());
    }

    private void learnSite(Instant now, Duration rest) {
        List<Slot> inPlay = slots.stream().filter(s -> s.state != State.SET_ASIDE).toList();
        // an account meets a full site at its next call: "together" is a twentieth of a window, or longer when
        // the slowest account calls less often than that (one and a half of its calls' interval), a quarter at most
        double slowest = inPlay.stream().mapToDouble(s -> s.pace.pace()).min().orElse(Double.POSITIVE_INFINITY);
        long window = pacing.window().toMillis();
        long together = Math.min(window / 4, Math.max(window / 20, (long) (1.5 * window / slowest)));
        Instant since = now.minusMillis(together);
        boolean everyAccount = inPlay.size() > 1 && inPlay.stream().allMatch(s -> s.rateLimitedAt.isAfter(since));
        if (everyAccount && siteLearnedAt.isBefore(now.minus(pacing.window()))) {
            int calls = site.letThrough(now.toEpochMilli());
            site.rateLimited(now.toEpochMilli(), now.plus(rest).toEpochMilli());
            // each account learned its own limit from the same 000045s: a site that only looks capped (every
            // account at its own limit at once) must not slow them by the site's headroom on top of theirs
            site.atLeast(inPlay.stream().map(s -> s.pace.limit()).filter(Objects::nonNull).mapToInt(i -> i).sum(),
                    inPlay.stream().mapToDouble(s -> s.pace.pace()).sum());
            siteLearnedAt = now;
            LOG.info("every account met Webex's per-minute limit at once, after {} calls in all: the site's limit;"
                    + " the site's pace is {} calls per window now", calls, (int) site.pace());
        }
    }

    /** Each account's pace, then the site's (id {@code ""}). */
    public synchronized List<PaceView> paces() {
        List<PaceView> paces = new ArrayList<>();
        slots.forEach(s -> paces.add(new PaceView(s.account.id(), s.pace.limit(), s.pace.pace())));
        paces.add(new PaceView(PaceFile.SITE, site.limit(), site.pace()));
        return paces;
    }

    /** The window the paces count in ({@code webex.rate-limit-window}). */
    public Duration paceWindow() {
        return pacing.window();
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
        // one save at a time, each with the snapshot it takes: two at once would write the same file aside
        // together, and an older snapshot could land after a newer one
        synchronized (saving) {
            Map<String, AccountLedger.Entry> entries = new HashMap<>();
            Map<String, Integer> limits = new HashMap<>();
            synchronized (this) {
                for (Slot s : slots) {
                    entries.put(s.account.id(), new AccountLedger.Entry(s.calls, s.windowStart,
                            s.state == State.RESTING && s.recheck ? s.restUntil : null, s.why));
                }
                paces().stream().filter(p -> p.limit() != null).forEach(p -> limits.put(p.id(), p.limit()));
                unsaved = false;
                limitsUnsaved = false;
            }
            try {
                ledger.save(entries);
                if (paceFile != null && !limits.isEmpty()) {
                    paceFile.save(limits);
                }
            } catch (IOException e) {
                LOG.warn("the account usage could not be saved ({}); it is kept in memory", e.getMessage());
            }
        }
    }

    private void saveIfUnsaved() {
        boolean due;
        synchronized (this) {
            due = unsaved || limitsUnsaved;
        }
        if (due) {
            save();
        }
    }

    /**
     * Of the accounts that can take calls, the one whose pace lets it call soonest; of those that can call now, the
     * one that made the fewest calls in the last window (when the site's pace is what holds calls back, every
     * account can, and the calls are shared out evenly).
     */
    private Optional<Slot> soonestPaced(Instant now) {
        long nowMillis = now.toEpochMilli();
        Slot soonest = null;
        long soonestAt = Long.MAX_VALUE;
        int soonestCalls = Integer.MAX_VALUE;
        for (Slot slot : slots) {
            if (ready(slot, now)) {
                long at = slot.pace.readyAt(nowMillis);
                int calls = slot.pace.recentCalls(nowMillis);
                if (at < soonestAt || at == soonestAt && calls < soonestCalls) {
                    soonest = slot;
                    soonestAt = at;
                    soonestCalls = calls;
                }
            }
        }
        return Optional.ofNullable(soonest);
    }

    private Optional<Slot> firstReady(Instant now) {
        return slots.stream().filter(slot -> ready(slot, now)).findFirst();
    }

    /** Whether the account can take calls (its pace aside), checking it first if it never was. */
    private boolean ready(Slot slot, Instant now) {
        renew(slot, now);
        if (slot.state == State.UNCHECKED) {
            runCheck(slot, now);
        }
        return slot.state == State.READY && slot.calls < settings.quota();
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
                // the check is a GetUser, which Webex counts against the account's per-minute limit
                slot.pace.counted(clock.millis());
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

    private static Map<String, Integer> loadLimits(PaceFile paceFile) {
        try {
            return paceFile == null ? Map.of() : paceFile.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the learned limits in " + e.getMessage() + " cannot be read", e);
        }
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
        final AccountPace pace;
        /** When Webex last answered its call 000045, the first of a rest. */
        Instant rateLimitedAt = Instant.MIN;
        State state = State.UNCHECKED;
        int calls;
        Instant windowStart;
        Instant restUntil = Instant.MIN;
        String why = "";
        /** After this rest, check the account with GetUser again (not after a per-minute pause). */
        boolean recheck = true;

        Slot(Account account, AccountPace pace) {
            this.account = account;
            this.pace = pace;
        }
    }
}
