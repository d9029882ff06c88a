package pindrop.account;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One caller's pace under Webex's per-minute limit, which Webex does not publish: an account's, or the site's as a
 * whole. Counted in calls per window ({@code webex.rate-limit-window}, Webex's minute).
 * <p>
 * Webex counts in fixed windows: a 000045 at t means the window of Webex's that t falls in already let the limit
 * through. pindrop does not know where those windows begin, but the calls Webex let through in the last window
 * hold that window's calls: they are the limit, or more than it when a window of Webex's began after the first of
 * them. So the count never understates, and it is exact when the 000045 falls in the window of Webex's the count
 * began in: after a rest of a window (nothing sent during it) the count starts afresh where the rest ended. A
 * 000045 early in a window is cheap (the rest overlaps the rest of a window already full); overstating the limit
 * costs a rest a window.
 * <ul>
 * <li>Until the first 000045 the pace starts at {@code start} and grows by a fifth per answer ({@link #GROWTH}),
 *     spread evenly: within seconds the calls in flight ({@code webex.concurrency}) bound it, so the limit is met
 *     early in a window of Webex's.</li>
 * <li>A 000045 teaches the limit: the count above, at most the limit known before less the headroom. The pace is
 *     the limit less {@code headroom} (a share of it, rounded down, at least one call).</li>
 * <li>After a rest the caller probes: its calls go out as fast as they can up to the pace, not spread, so a limit
 *     that is still too high meets 000045 within the same window of Webex's, where the count is exact. A window
 *     after the rest, or once the pace's calls are made, they are spread evenly again.</li>
 * <li>A busy caller without 000045 for {@link #RISE_AFTER} windows raises its limit by one call, so a limit learned
 *     too low (a site's share, another integration that stopped) recovers slowly.</li>
 * </ul>
 * Never more than the pace in any window (so a limit not overstated is never met). Not thread-safe: the
 * {@link AccountPool} guards it.
 */
final class AccountPace {

    /** The pace's growth per answer before the limit is known. */
    static final double GROWTH = 1.2;
    /** How far the pace may grow before the limit is known, in starts: far past what the calls in flight allow. */
    static final double RAMP_CEILING = 64;
    /** Windows without 000045 of a busy caller before its limit rises by a call. */
    static final int RISE_AFTER = 10;

    private final long windowMillis;
    private final double start;
    private final double headroom;
    /** When the calls of the last window were made (epoch ms), oldest first; a call refused is not among them. */
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    /** When the calls without an answer yet were made, oldest first: not known to be let through. */
    private final ArrayDeque<Long> flying = new ArrayDeque<>();
    private Integer limit;
    private double pace;
    private long nextAt = Long.MIN_VALUE;
    /** When the last rest ended (epoch ms). */
    private long restEnd = Long.MIN_VALUE;
    /** Until a window after the rest, or the pace's calls made, the calls are not spread. */
    private boolean probing;
    /** The last 000045 or rise of the limit; unknown for a limit read back until the next answer. */
    private long quietSince = Long.MIN_VALUE;

    /**
     * @param start    calls per window before anything is learned; infinite for "no pace until Webex says so"
     * @param headroom the share of a learned limit left unused
     */
    AccountPace(Duration window, double start, double headroom) {
        this.windowMillis = window.toMillis();
        this.start = start;
        this.headroom = headroom;
        this.pace = start;
    }

    /** A limit learned before (read back after a restart): the pace starts just under it. */
    void restore(int learned) {
        limit = Math.max(1, learned);
        pace = target();
    }

    /** When the next call may be made (epoch ms): now, or when the pace allows. */
    long readyAt(long now) {
        forget(now);
        if (probing && (now >= restEnd + windowMillis || sent.size() >= Math.floor(pace))) {
            probing = false;
        }
        long at = probing ? now : nextAt;
        if (sent.size() >= Math.max(1, Math.floor(pace))) {
            at = Math.max(at, sent.peekFirst() + windowMillis);
        }
        return Math.max(at, now);
    }

    /** A call is made now. */
    void took(long now) {
        sent.addLast(now);
        flying.addLast(now);
        long interval = Double.isInfinite(pace) ? 0 : (long) (windowMillis / pace);
        // a call made late (no thread was free) lets the next follow sooner, so the pace is kept on average
        nextAt = (nextAt == Long.MIN_VALUE ? now : Math.max(nextAt, now - interval)) + interval;
    }

    /**
     * A call Webex counted that the pace did not make (the account's GetUser check, its sign-in): let through, so
     * in the count a 000045 teaches (without it the first limit learned is short by those calls).
     */
    void counted(long now) {
        sent.addLast(now);
    }

    /** Webex answered a call (anything but 000045): the pace may grow. */
    void answered(long now) {
        flying.pollFirst();
        forget(now);
        if (limit == null) {
            pace = Math.min(pace * GROWTH, start * RAMP_CEILING);
        } else if (quietSince == Long.MIN_VALUE) {
            quietSince = now;
        } else if (now - quietSince >= RISE_AFTER * windowMillis && sent.size() >= Math.floor(target())) {
            limit++;
            pace = target();
            quietSince = now;
        }
    }

    /**
     * Webex answered 000045 to one of the calls made: Webex did not count it, so neither does the pace (which call
     * it was does not change the count: the latest goes).
     */
    void refused() {
        sent.pollLast();
        flying.pollFirst();
    }

    /**
     * Webex answered 000045 ({@link #refused()} told first) and the caller rests until {@code restEnd}: the calls
     * Webex let through in the last window are the limit, at most the one known less its margin (and that when
     * none was let through: the window is full of others' calls). True when it is the first learned.
     */
    boolean rateLimited(long now, long restEnd) {
        int calls = letThrough(now);
        boolean first = limit == null;
        limit = Math.max(1, first ? calls : calls < 1 ? limit - margin() : Math.min(calls, limit - margin()));
        pace = target();
        this.restEnd = restEnd;
        probing = true;
        quietSince = now;
        return first;
    }

    /**
     * Learned by the same 000045s as each account's own limit (the site's pace): at least those limits added up,
     * and a pace at least theirs, within that limit.
     */
    void atLeast(int limits, double paces) {
        limit = Math.max(limit, limits);
        pace = Math.max(target(), Math.min(paces, limit));
    }

    /** The calls made in the last window, refused ones aside. */
    int recentCalls(long now) {
        forget(now);
        return sent.size();
    }

    /** The calls Webex let through in the last window: the ones made less those still without an answer. */
    int letThrough(long now) {
        forget(now);
        return Math.max(0, sent.size() - flying.size());
    }

    /** The learned limit, calls per window; null until Webex answered 000045. */
    Integer limit() {
        return limit;
    }

    /** The pace now, calls per window; infinite for a site whose limit was never met. */
    double pace() {
        return pace;
    }

    private double target() {
        return Math.max(1, limit - margin());
    }

    private int margin() {
        return (int) Math.max(1, Math.floor(limit * headroom));
    }

    private void forget(long now) {
        while (!sent.isEmpty() && sent.peekFirst() <= now - windowMillis) {
            sent.removeFirst();
        }
        // a call never answered (no answer at all) counts as let through once it is a window old
        while (!flying.isEmpty() && flying.peekFirst() <= now - windowMillis) {
            flying.removeFirst();
        }
    }
}
