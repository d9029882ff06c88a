package pindrop.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two per-caller budgets Webex enforces: the documented per-minute rate limit (000045) and the SetUser
 * quota seen in the field (030002 once spent). Callers are keyed by {@link UserDirectory#key(String)}.
 */
final class CallerLimits {

    static final int UNLIMITED = Integer.MAX_VALUE;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinuteLimit;
    private final int setUserQuota;
    private final Clock clock;
    private final Map<String, Deque<Instant>> admitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> setUserCalls = new ConcurrentHashMap<>();

    CallerLimits(int perMinuteLimit, int setUserQuota, Clock clock) {
        this.perMinuteLimit = perMinuteLimit;
        this.setUserQuota = setUserQuota;
        this.clock = clock;
    }

    /**
     * Counts a call against the caller's rolling minute, unless the minute is full: then the call is refused
     * and not counted, so the caller gets through again 60 s after its oldest admitted call.
     */
    boolean admit(String caller) {
        if (perMinuteLimit == UNLIMITED) {
            return true; // keeps no timestamps: benchmarks make millions of calls
        }
        Deque<Instant> window = admitted.computeIfAbsent(caller, k -> new ArrayDeque<>());
        synchronized (window) {
            Instant now = clock.instant();
            Instant windowStart = now.minus(WINDOW);
            while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
                window.removeFirst();
            }
            if (window.size() >= perMinuteLimit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    /** Counts one SetUser; false from call quota + 1 on, for good (the field saw hours). */
    boolean takeSetUserQuota(String caller) {
        return setUserCalls.computeIfAbsent(caller, k -> new AtomicInteger()).incrementAndGet() <= setUserQuota;
    }

    void reset() {
        admitted.clear();
        setUserCalls.clear();
    }
}
