package pindrop.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Owns the state of the admin accounts: which may call now, how many SetUser calls each has made, which is
 * cooling down and until when. Accounts are used one after another (sticky), so each account's budget is
 * spent in one stretch; routes ask the pool for an account and tell it what Webex answered, they never count.
 */
public final class AccountPool {

    private final List<Slot> slots = new ArrayList<>();
    private final int quota;
    private final Duration coolDown;
    private final Clock clock;

    public AccountPool(List<Account> accounts, int quota, Duration coolDown, Clock clock) {
        accounts.forEach(a -> slots.add(new Slot(a)));
        this.quota = quota;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** The account for the next SetUser call; the call counts against its quota from now on. */
    public synchronized Account take() throws NoUsableAccountException {
        Instant now = clock.instant();
        for (Slot slot : slots) {
            if (slot.usableAt(now) && slot.calls < quota) {
                slot.calls++;
                return slot.account;
            }
        }
        throw new NoUsableAccountException(whyNone(now));
    }

    /** Webex said the account's SetUser budget is spent: it rests for the cool-down, never retried before. */
    public synchronized void spent(Account account, String why) {
        Slot slot = slotOf(account);
        slot.restUntil = clock.instant().plus(coolDown);
        slot.why = why;
    }

    /** The account hit the per-minute limit: it rests for the given time, then goes on. */
    public synchronized void pause(Account account, Duration rest, String why) {
        Slot slot = slotOf(account);
        slot.restUntil = clock.instant().plus(rest);
        slot.why = why;
    }

    /** The account cannot be used at all (not a site admin, wrong credentials) until pindrop restarts. */
    public synchronized void setAside(Account account, String why) {
        Slot slot = slotOf(account);
        slot.restUntil = Instant.MAX;
        slot.why = why;
    }

    public synchronized boolean anyUsable() {
        Instant now = clock.instant();
        return slots.stream().anyMatch(s -> s.usableAt(now) && s.calls < quota);
    }

    private String whyNone(Instant now) {
        if (slots.isEmpty()) {
            return "no admin account is configured (webex.account.1.id)";
        }
        return "no admin account can take a call now: " + slots.stream()
                .map(s -> s.account.id() + " " + (s.calls >= quota ? "made its " + quota + " calls" : s.why))
                .collect(Collectors.joining("; "));
    }

    private Slot slotOf(Account account) {
        return slots.stream().filter(s -> s.account.equals(account)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an account of this pool: " + account));
    }

    private static final class Slot {
        final Account account;
        int calls;
        Instant restUntil = Instant.MIN;
        String why = "";

        Slot(Account account) {
            this.account = account;
        }

        boolean usableAt(Instant now) {
            return !now.isBefore(restUntil);
        }
    }
}
