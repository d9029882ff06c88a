package pindrop.webex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.batch.Batch;
import pindrop.batch.RowVariables;
import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * Stops SetUser when the whole site fails: {@code threshold} answers in a row, for different users, with the
 * same exceptionID that is no verdict on the row ({@link ExceptionTable#isVerdictOnTheRow}), or one answer
 * that says so by itself (010107 the site is suspended). While it is open no row is sent: each ends DEFERRED
 * (safe to send again) with the code and why; after a back-off (doubling up to an hour) one row is sent again,
 * and when Webex answers it as usual the breaker closes.
 * <p>
 * Not Camel's Circuit Breaker EIP: that counts failures of every kind in a sliding window, whatever the code
 * and whoever the user, so ten users unknown to the site would stop a run as surely as a suspended site, and
 * its wait in the open state does not grow. Here only a streak of one code over different users counts, and
 * the rows of the streak learn afterwards whether they were the site's failure (then DEFERRED) or their own
 * (then FAILURE): a {@link Streak} tells them, and their file holds their outcome until it does.
 */
public final class SiteFailureBreaker {

    /** An answer that says by itself that nothing on the site works. */
    private static final Set<String> SITE_DOWN = Set.of("010107");
    private static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SiteFailureBreaker.class);

    /**
     * A run of answers with the same code. Undecided while it grows; decided when it reaches the threshold (the
     * site failed) or another answer ends it (the code was the rows' own).
     */
    public static final class Streak {
        private final String code;
        private final String reason;
        /**
         * The calls admitted when its first answer came: answers to those do not end it (any of them may have
         * reached Webex before the site failed, whatever order they were admitted or answered in).
         */
        private final long begunBy;
        private final Set<String> users = new HashSet<>();
        private volatile Boolean siteFailed;

        Streak(String code, String reason, long begunBy) {
            this.code = code;
            this.reason = reason;
            this.begunBy = begunBy;
        }

        /** Empty while undecided; true when the whole site answered the code. */
        public Optional<Boolean> siteFailed() {
            return Optional.ofNullable(siteFailed);
        }

        /** The reason a row of this streak gets when the site failed. */
        public String siteFailure() {
            return SiteFailureBreaker.siteFailure(code, reason);
        }
    }

    /**
     * A call's place in the breaker's record (variable {@code siteCall}): its number in the order calls were
     * admitted (answers to calls admitted before a streak began do not end it), whether it is the one row sent to learn whether
     * the site works again (it stays that row through its retries), and why it is not sent, if it is not.
     */
    public record Call(long number, boolean probe, String notSent) {
    }

    /**
     * What an answer did to the breaker's record (variable {@code siteAnswer}): the streak it joined, whose decision
     * its row waits for, or why its row is DEFERRED because the whole site fails; neither for an answer as usual.
     */
    public record Answer(Streak streak, String siteFailure) {
    }

    private static final Answer AS_USUAL = new Answer(null, null);

    private final int threshold;
    private final Duration firstBackOff;
    private final Clock clock;
    private long calls;
    private Streak streak;
    private String openBecause;
    private Duration backOff;
    private Instant probeAt;
    private String trippedSinceStart;

    public SiteFailureBreaker(int threshold, Duration firstBackOff, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("pindrop.site-failure.threshold must be at least 1");
        }
        this.threshold = threshold;
        this.firstBackOff = firstBackOff;
        this.clock = clock;
    }

    /**
     * Before a SetUser call: while the breaker is open the call is not sent and its row is DEFERRED, unless it is
     * the one row sent again after the back-off.
     *
     * @param earlier the row's call before this one (a retry's), if any
     */
    public synchronized Call admit(@Variable(RowVariables.SITE_CALL) Call earlier) {
        long number = ++calls;
        boolean probe = earlier != null && earlier.probe();
        if (openBecause == null || probe) {
            return new Call(number, probe, null);
        }
        Instant now = clock.instant();
        if (!now.isBefore(probeAt)) {
            probeAt = now.plus(backOff);
            backOff = min(backOff.multipliedBy(2), LONGEST_BACK_OFF);
            LOG.info("One row is sent to learn whether the site works again (it answered {})", openBecause);
            return new Call(number, true, null);
        }
        return new Call(number, false, openBecause + "; not sent (pindrop sends one row again at " + probeAt + ")");
    }

    /**
     * After Webex's answer was judged into the row's verdict: a code that is no verdict on the row joins the streak
     * and the row waits for its decision; any other answer to a call admitted after the streak began ends it (calls
     * and answers overtake each other at concurrency above one: one admitted before may have reached Webex before
     * the site failed), and the probe's ends the site's failure.
     */
    public Answer observe(@Variable(RowVariables.VERDICT) RowVerdict verdict,
            @Variable(RowVariables.SITE_CALL) Call call, @Variable(RowVariables.INPUT) SpreadsheetRow row,
            @ExchangeProperty(RowVariables.BATCH) Batch batch) {
        Status status = verdict == null ? null : verdict.status();
        String code = verdict == null ? "" : verdict.exceptionId();
        if (status == Status.FAILURE && !ExceptionTable.isVerdictOnTheRow(code)) {
            // without its file's row (never in a job route), each call counts as a user of its own
            String user = batch == null || row == null ? "call " + call.number() : row.get(batch.userColumn());
            return answered(user, code, verdict.reason(), call);
        }
        if (status == Status.SUCCESS || status == Status.FAILURE) {
            answeredAsUsual(call.probe(), call.number());
        }
        return AS_USUAL;
    }

    /** The verdict of a row the whole site's failure DEFERRED: Webex's code, if it answered, and why. */
    public RowVerdict deferred(@Variable(RowVariables.VERDICT) RowVerdict answered,
            @Variable(RowVariables.SITE_FAILURE) String why) {
        return new RowVerdict(Status.DEFERRED, answered == null ? "" : answered.exceptionId(), why);
    }

    private synchronized Answer answered(String user, String code, String reason, Call call) {
        if (openBecause != null) {
            return new Answer(null, call.probe() ? siteFailure(code, reason) + "; pindrop sends one row again at "
                    + probeAt : openBecause);
        }
        if (streak != null && !streak.code.equals(code) && call.number() <= streak.begunBy) {
            return AS_USUAL; // an older call's own answer: the row's, as answered
        }
        if (streak == null || !streak.code.equals(code)) {
            endStreak();
            streak = new Streak(code, reason, calls);
        }
        streak.users.add(user);
        if (streak.users.size() >= threshold || SITE_DOWN.contains(code)) {
            trip(streak);
            return new Answer(null, openBecause);
        }
        return new Answer(streak, null);
    }

    private synchronized void answeredAsUsual(boolean probe, long call) {
        if (streak != null && call > streak.begunBy) {
            endStreak();
        }
        if (openBecause != null && probe) {
            LOG.warn("The site answers SetUser as usual again: rows are sent again");
            openBecause = null;
        }
    }

    /** Why no row is sent now; empty while rows are sent or the one row that probes the site is due. */
    public synchronized Optional<String> whyClosed() {
        return openBecause == null || !clock.instant().isBefore(probeAt) ? Optional.empty()
                : Optional.of(openBecause + "; pindrop sends one row again at " + probeAt);
    }

    /** Why the breaker opened since pindrop started, if it did: {@code --once} exits 3 then. */
    public synchronized Optional<String> trippedSinceStart() {
        return Optional.ofNullable(trippedSinceStart);
    }

    private void trip(Streak tripped) {
        tripped.siteFailed = true;
        streak = null;
        openBecause = tripped.siteFailure();
        trippedSinceStart = openBecause;
        backOff = firstBackOff;
        probeAt = clock.instant().plus(backOff);
        backOff = min(backOff.multipliedBy(2), LONGEST_BACK_OFF);
        // logged with its code, so the exception table can learn a code the site answers as a whole
        LOG.error("SetUser stops: {} ({} users in a row). Rows not sent are DEFERRED and in the retry file; if the"
                + " code is in fact about the rows, add it to pindrop.webex.ExceptionTable", openBecause,
                tripped.users.size());
    }

    private void endStreak() {
        if (streak != null) {
            streak.siteFailed = false;
            streak = null;
        }
    }

    static String siteFailure(String code, String reason) {
        return "Webex answered " + code + " " + reason + " to every SetUser, whoever the user: the whole site"
                + " failed, not this row; safe to send again";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
