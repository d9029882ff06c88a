package pindrop.webex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import pindrop.MovableClock;
import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;

/**
 * The breaker's contract with the route: what it returns for each call and answer, which webex-attempt writes
 * into siteCall, siteAnswer, siteStreak, siteFailure and the row's verdict.
 */
class SiteFailureBreakerTest {

    private static final RowVerdict SITE_CODE = new RowVerdict(Status.FAILURE, "123456", "Something new");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final SiteFailureBreaker breaker = new SiteFailureBreaker(2, Duration.ofMinutes(1), clock);

    @Test
    void aStreakOfOneCodeOverTwoUsersTripsItAndTheNextCallIsNotSentTillTheProbe() {
        SiteFailureBreaker.Call first = breaker.admit(null);
        SiteFailureBreaker.Call second = breaker.admit(null);
        assertEquals(first.number() + 1, second.number(), "calls are numbered in the order they are admitted");
        assertNull(first.notSent());

        // the first answer joins a streak: its row waits for the streak's decision
        SiteFailureBreaker.Answer joined = breaker.observe(SITE_CODE, first, null, null);
        assertNotNull(joined.streak());
        assertNull(joined.siteFailure());
        assertTrue(joined.streak().siteFailed().isEmpty());

        // the second user's same code trips it: the row is DEFERRED with why, and the first row learns it too
        SiteFailureBreaker.Answer tripped = breaker.observe(SITE_CODE, second, null, null);
        assertNull(tripped.streak());
        assertTrue(tripped.siteFailure().contains("123456 Something new"), tripped.siteFailure());
        assertEquals(true, joined.streak().siteFailed().orElseThrow());
        RowVerdict deferred = breaker.deferred(SITE_CODE, tripped.siteFailure());
        assertEquals(Status.DEFERRED, deferred.status());
        assertEquals("123456", deferred.exceptionId());

        SiteFailureBreaker.Call held = breaker.admit(null);
        assertTrue(held.notSent().contains("not sent"), held.notSent());
        assertFalse(held.probe());

        clock.advance(Duration.ofMinutes(1));
        SiteFailureBreaker.Call probe = breaker.admit(null);
        assertNull(probe.notSent());
        assertTrue(probe.probe());
        // a retry of the probe stays the probe, though no other row may go out yet
        assertTrue(breaker.admit(probe).probe());
        assertNotNull(breaker.admit(null).notSent());

        // the probe answered as usual: rows go out again
        breaker.observe(RowVerdict.of(Status.SUCCESS, ""), probe, null, null);
        assertNull(breaker.admit(null).notSent());
        assertTrue(breaker.whyClosed().isEmpty());
    }

    @Test
    void anotherAnswerToACallAdmittedAfterTheStreakBeganEndsItAsTheRowsOwnCode() {
        SiteFailureBreaker.Call first = breaker.admit(null);
        SiteFailureBreaker.Answer joined = breaker.observe(SITE_CODE, first, null, null);
        SiteFailureBreaker.Call second = breaker.admit(null);

        SiteFailureBreaker.Answer usual = breaker.observe(RowVerdict.of(Status.SUCCESS, ""), second, null, null);

        assertNull(usual.streak());
        assertNull(usual.siteFailure());
        assertEquals(false, joined.streak().siteFailed().orElseThrow(), "the code was the first row's own");
    }

    @Test
    void aCallAdmittedBeforeTheStreakBeganAnsweredAsUsualAfterItDoesNotEndIt() {
        // admitted before the first failing answer came, before or after the failing call, each may have reached
        // Webex before the site failed and be answered last
        SiteFailureBreaker.Call earlier = breaker.admit(null);
        SiteFailureBreaker.Call first = breaker.admit(null);
        SiteFailureBreaker.Call later = breaker.admit(null);
        SiteFailureBreaker.Answer joined = breaker.observe(SITE_CODE, first, null, null);

        breaker.observe(RowVerdict.of(Status.SUCCESS, ""), earlier, null, null);
        breaker.observe(RowVerdict.of(Status.SUCCESS, ""), later, null, null);

        assertTrue(joined.streak().siteFailed().isEmpty(), "still undecided");
        SiteFailureBreaker.Answer tripped = breaker.observe(SITE_CODE, breaker.admit(null), null, null);
        assertNotNull(tripped.siteFailure());
        assertEquals(true, joined.streak().siteFailed().orElseThrow(), "the first row is DEFERRED with the rest");
    }
}
