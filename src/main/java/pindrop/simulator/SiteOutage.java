package pindrop.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of the whole site, as opposed to {@link FaultInjector}'s random ones: the first calls answer HTTP 503
 * (a site coming back), and after a number of SetUser calls every SetUser answers the same exceptionID until
 * the site {@link #recover() recovers} (a suspended site, a broken back end).
 */
final class SiteOutage {

    private final int first503s;
    private final int setUsersBeforeFailure;
    private final String exceptionId;
    private final String reason;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger setUsers = new AtomicInteger();
    private volatile boolean recovered;

    /** {@code exceptionId} null: SetUser never fails site-wide. */
    SiteOutage(int first503s, int setUsersBeforeFailure, String exceptionId, String reason) {
        this.first503s = first503s;
        this.setUsersBeforeFailure = setUsersBeforeFailure;
        this.exceptionId = exceptionId;
        this.reason = reason;
    }

    /** Whether this call, counted among every call, is one of the first that answer 503. */
    boolean answers503() {
        return first503s > 0 && calls.incrementAndGet() <= first503s;
    }

    /** Whether this SetUser, counted among the SetUser calls that reach the site, answers the site's failure. */
    boolean failsSetUser() {
        return exceptionId != null && !recovered && setUsers.incrementAndGet() > setUsersBeforeFailure;
    }

    String exceptionId() {
        return exceptionId;
    }

    String reason() {
        return reason;
    }

    void recover() {
        recovered = true;
    }

    void reset() {
        calls.set(0);
        setUsers.set(0);
        recovered = false;
    }
}
