package pindrop.account;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One caller's pace under Webex's per-minute limit, which Webex does not publish: an account's, or the site's as a
 * whole. Counted in calls per window ({@code webex.rate-limit-window}, Webex's minute).
 * <ul>
 * <li>Until Webex first answers 000045 the limit is unknown: the pace starts at a safe {@code start} and grows by
 *     {@link #RAMP} calls per answer, never beyond twice what the caller used in the last window (so an idle
 *     caller does not run away): a busy caller's pace at most doubles each window, from {@code start} for the
 *     first half window.</li>
 * <li>The first 000045 is the limit: the calls made in the last window that Webex let through (a call answered
 *     000045 is not counted, by Webex or here). The pace keeps just under it, leaving
 *     {@code headroom} (a fraction of the limit, at least one call).</li>
 * <li>A later 000045 means the limit is lower (or someone else shares it): it is learned again the same way, and
 *     at least by the headroom lower (at a steady pace the last window's calls are about the pace itself),
 *     the pace drops to nine tenths of the new target and rises again slowly, by {@link #RECOVERY} per answer
 *     (back at the target within about a window).</li>
 * </ul>
 * Calls are spread evenly (one every window / pace), and never more than the pace in any window. Not thread-safe:
 * the {@link AccountPool} guards it.
 */
final class AccountPace {

    /** Calls added to the pace per answer before the limit is known. */
    static final double RAMP = 12;
    /** Calls added to the pace per answer while it climbs back to the target after a later 000045. */
    static final double RECOVERY = 0.125;

    private final long windowMillis;
    private final double start;
    private final double headroom;
    /** When the calls of the last window were made (epoch ms), oldest first. */
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private Integer limit;
    private double pace;
    private long nextAt = Long.MIN_VALUE;

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
        long at = nextAt;
        if (sent.size() >= Math.max(1, Math.floor(pace))) {
            at = Math.max(at, sent.peekFirst() + windowMillis);
        }
        return Math.max(at, now);
    }

    /** A call is made now. */
    void took(long now) {
        sent.addLast(now);
        nextAt = Double.isInfinite(pace) ? now : now + (long) (windowMillis / pace);
    }

    /** Webex answered a call (anything but 000045): the pace may grow. */
    void answered(long now) {
        if (limit == null) {
            forget(now);
            pace = Math.min(pace + RAMP, Math.max(start, 2.0 * sent.size()));
        } else if (pace < target()) {
            pace = Math.min(target(), pace + RECOVERY);
        }
    }

    /**
     * Webex answered 000045 to one of the calls made: Webex did not count it, so neither does the pace: the calls
     * of the last window are the ones Webex let through (which call it was does not change the count: the latest
     * goes).
     */
    void refused() {
        sent.pollLast();
    }

    /**
     * Webex answered 000045 ({@link #refused()} told first): the calls of the last window are the limit. True when
     * it is the first learned.
     */
    boolean rateLimited(long now) {
        forget(now);
        boolean first = limit == null;
        // a window of Webex's began somewhere in the last one: at a steady pace over the limit the calls of the
        // last window are about the pace, not the limit, so a later 000045 lowers the limit by a margin at least
        limit = Math.max(1, first ? sent.size() : Math.min(sent.size(), limit - margin()));
        pace = first ? target() : Math.max(1, 0.9 * target());
        return first;
    }

    /** The calls made in the last window. */
    int recentCalls(long now) {
        forget(now);
        return sent.size();
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
        return (int) Math.max(1, Math.ceil(limit * headroom));
    }

    private void forget(long now) {
        while (!sent.isEmpty() && sent.peekFirst() <= now - windowMillis) {
            sent.removeFirst();
        }
    }
}
