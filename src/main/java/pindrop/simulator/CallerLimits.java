package pindrop.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The budgets Webex enforces: the documented per-minute rate limit per caller and, on request, per site (000045),
 * and the per-caller SetUser quota seen in the field (030002 once spent). Callers are keyed by
 * {@link UserDirectory#key(String)}.
 * <p>
 * The rate limits count in fixed windows, as Webex describes them ("per minute"): every window starts at a
 * multiple of its length since the epoch, the same instants for every caller and the site, and counts from zero.
 * A refused call is not counted, so a caller gets through again when the next window starts, at most a window
 * later: the "60 s later" Webex promises.
 */
final class CallerLimits {

    static final int UNLIMITED = Integer.MAX_VALUE;

    private final int perCallerLimit;
    private final int siteLimit;
    private final long windowMillis;
    private final int setUserQuota;
    private final Clock clock;
    private final Map<String, Integer> admitted = new HashMap<>();
    private final Map<String, AtomicInteger> setUserCalls = new ConcurrentHashMap<>();
    private long window = Long.MIN_VALUE;
    private int siteAdmitted;

    CallerLimits(int perCallerLimit, int siteLimit, Duration window, int setUserQuota, Clock clock) {
        this.perCallerLimit = perCallerLimit;
        this.siteLimit = siteLimit;
        this.windowMillis = window.toMillis();
        this.setUserQuota = setUserQuota;
        this.clock = clock;
    }

    /**
     * Counts a call against its caller's and the site's current window, unless either is full: then the call is
     * refused and counted in neither.
     */
    boolean admit(String caller) {
        if (perCallerLimit == UNLIMITED && siteLimit == UNLIMITED) {
            return true; // keeps no counts: benchmarks make millions of calls
        }
        synchronized (this) {
            long now = Math.floorDiv(clock.millis(), windowMillis);
            if (now != window) {
                window = now;
                admitted.clear();
                siteAdmitted = 0;
            }
            int callers = admitted.getOrDefault(caller, 0);
            if (callers >= perCallerLimit || siteAdmitted >= siteLimit) {
                return false;
            }
            admitted.put(caller, callers + 1);
            siteAdmitted++;
            return true;
        }
    }

    /** Counts one SetUser; false from call quota + 1 on, for good (the field saw hours). */
    boolean takeSetUserQuota(String caller) {
        return setUserCalls.computeIfAbsent(caller, k -> new AtomicInteger()).incrementAndGet() <= setUserQuota;
    }

    synchronized void reset() {
        admitted.clear();
        siteAdmitted = 0;
        window = Long.MIN_VALUE;
        setUserCalls.clear();
    }
}
