package pindrop.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The learning rules of a pace, on a clock of its own (epoch ms passed in): nothing waits. */
class AccountPaceTest {

    static final long WINDOW = 60_000;
    static final int LIMIT = 120;

    /**
     * Against a Webex that counts in fixed windows (a minute from each multiple of a minute) and refuses the calls
     * past its limit with 000045, as the simulator does: a call at most every 200 ms (what the calls in flight
     * allow: 300 a window, 2.5 times the limit), a rest of a window after a 000045. Started at every point of
     * Webex's window, including those where the first 000045 overstates the limit (a window began after the first
     * calls): the limit is learned within a few windows, and then no 000045 comes.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 10_000, 20_000, 30_000, 40_000, 50_000, 59_000})
    void theLearnedPaceSettlesJustUnderAHiddenLimitAtAnyPhaseOfWebexsWindow(long startInWindow) {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), 60, 0.05);
        long windowOfWebex = -1;
        int admitted = 0;
        int letThrough = 0;
        int refusals = 0;
        long lastRefusal = 0;
        long restUntil = 0;
        long begin = 100 * WINDOW + startInWindow;
        long end = begin + 20 * WINDOW;
        long lastCall = 0;
        for (long now = begin; now < end; now += 10) {
            if (now < restUntil || now < lastCall + 200 || pace.readyAt(now) > now) {
                continue;
            }
            lastCall = now;
            pace.took(now);
            if (now / WINDOW != windowOfWebex) {
                windowOfWebex = now / WINDOW;
                admitted = 0;
            }
            if (admitted < LIMIT) {
                admitted++;
                letThrough++;
                pace.answered(now);
            } else {
                restUntil = now + WINDOW;
                pace.refused();
                pace.rateLimited(now, restUntil);
                refusals++;
                lastRefusal = now;
            }
        }
        System.out.printf("started %2d s into Webex's window: %d 000045 (the last in window %d), limit %d, %.2f of"
                + " the hidden limits' calls%n", startInWindow / 1000, refusals, (lastRefusal - begin) / WINDOW,
                pace.limit(), letThrough / (20.0 * LIMIT));
        assertTrue(refusals <= 3, refusals + " 000045");
        assertTrue(lastRefusal < begin + 4 * WINDOW, "none after the first 4 of 20 windows");
        assertTrue(pace.pace() <= LIMIT && pace.limit() >= 0.95 * LIMIT, "the limit learned: " + pace.limit());
        assertTrue(letThrough >= 0.85 * 20 * LIMIT, "most of what the limit allows: " + letThrough);
    }

    @Test
    void theAccountsCheckAndSignInCountInTheLimitLearned() {
        // Webex counts every call of the caller: its sign-in and GetUser check took 2 of the window's 30
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), 1_000, 0);
        pace.counted(0);
        pace.counted(10);
        for (int call = 0; call < 28; call++) {
            pace.took(20 + 10L * call);
            pace.answered(20 + 10L * call);
        }
        pace.took(500);
        pace.refused();

        assertTrue(pace.rateLimited(500, 500 + WINDOW), "the first limit learned");
        assertEquals(30, pace.limit(), "the 28 SetUser calls let through and the 2 calls before them");
    }

    @Test
    void beforeTheFirst000045ThePaceGrowsByAFifthPerAnswer() {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), 60, 0.05);
        pace.took(0);
        assertEquals(1_000, pace.readyAt(0), "60 a window: a call a second");
        for (int i = 0; i < 10; i++) {
            pace.answered(0);
        }
        assertEquals(60 * Math.pow(1.2, 10), pace.pace(), 1e-9, "not held at twice the calls of the last window");
        for (int i = 0; i < 100; i++) {
            pace.answered(0);
        }
        assertEquals(60 * AccountPace.RAMP_CEILING, pace.pace(), "an idle caller's pace does not run away");
    }

    @Test
    void theFirst000045TeachesTheCallsLetThroughInTheLastWindowNotTheRefusedNorTheOnesInFlight() {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), Double.POSITIVE_INFINITY, 0.05);
        pace.took(0); // a window old when Webex refuses: not in the count
        pace.answered(0);
        for (int i = 1; i <= 40; i++) {
            pace.took(30_000 + i);
            pace.answered(30_000 + i);
        }
        pace.took(70_000); // refused
        pace.took(70_001); // in flight
        pace.took(70_002); // in flight
        pace.refused();

        assertTrue(pace.rateLimited(70_010, 130_010), "the first limit learned");
        assertEquals(40, pace.limit());
        assertEquals(38, pace.pace(), "5% (2 calls) under it");
    }

    @Test
    void aLater000045TeachesTheCallsLetThroughSinceTheRestAtMostTheLimitLessItsMargin() {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), Double.POSITIVE_INFINITY, 0.05);
        for (int i = 0; i < 90; i++) {
            pace.took(i * 100);
            pace.answered(i * 100);
        }
        pace.took(9_000);
        pace.refused();
        pace.rateLimited(9_000, 69_000);
        assertEquals(90, pace.limit());
        for (int i = 0; i < 50; i++) {
            pace.took(69_000 + i * 100);
            pace.answered(69_000 + i * 100);
        }
        pace.took(75_000);
        pace.refused();

        pace.rateLimited(75_000, 135_000);
        assertEquals(50, pace.limit(), "the 50 let through since the rest ended");

        pace.took(135_000);
        pace.refused();
        pace.rateLimited(135_000, 195_000);
        assertEquals(48, pace.limit(), "none let through: others fill the window; the limit less its margin (2)");

        for (int i = 0; i < 48; i++) {
            pace.took(195_000 + i);
            pace.answered(195_000 + i);
        }
        pace.took(196_000);
        pace.refused();
        pace.rateLimited(196_000, 256_000);
        assertEquals(46, pace.limit(), "48 let through at a limit of 48: lower by its margin at least");
    }

    @Test
    void afterARestTheCallsGoOutAtOnceUpToThePaceThenSpreadEvenly() {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), Double.POSITIVE_INFINITY, 0.05);
        pace.took(0);
        pace.answered(0);
        for (int i = 1; i <= 20; i++) {
            pace.took(i);
            pace.answered(i);
        }
        pace.took(30);
        pace.refused();
        pace.rateLimited(30, 60_030);
        assertEquals(20, pace.pace(), "21 let through, 1 the margin");

        long now = 60_030;
        for (int i = 0; i < 20; i++) {
            assertEquals(now, pace.readyAt(now), "a probe: call " + i + " at once");
            pace.took(now);
            pace.answered(now);
            now += 10;
        }
        assertEquals(60_030 + WINDOW, pace.readyAt(now), "the pace's calls made: the next a window after the first");
        for (int i = 0; i < 3; i++) {
            now = pace.readyAt(now);
            pace.took(now);
            pace.answered(now);
        }
        assertEquals(now + WINDOW / 20, pace.readyAt(now + 10), "then spread evenly");
    }

    @Test
    void aBusyCallerWithout000045ForTenWindowsRaisesItsLimitByACall() {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), Double.POSITIVE_INFINITY, 0.05);
        pace.restore(20);
        long now = 0;
        while (now <= AccountPace.RISE_AFTER * WINDOW) {
            now = pace.readyAt(now);
            pace.took(now);
            pace.answered(now);
        }
        assertEquals(21, pace.limit(), "a limit learned too low recovers, a call per ten windows");
    }
}
