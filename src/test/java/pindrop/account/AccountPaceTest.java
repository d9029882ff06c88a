package pindrop.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An account's pace against a Webex that counts in fixed windows (a minute from each multiple of a minute) and
 * refuses the calls past its limit with 000045, as the simulator does: a call every 100 ms while the pace lets
 * it, a rest of a window after a 000045. Time is simulated; nothing waits.
 */
class AccountPaceTest {

    static final long WINDOW = 60_000;
    static final int LIMIT = 30;

    /**
     * Started at points of Webex's window that make the first 000045 overstate the limit (by up to two thirds
     * here), or not: a few more 000045 bring it down, and then none comes.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 15_000, 30_000, 45_000, 55_000})
    void theLearnedPaceSettlesAtOrUnderAHiddenLimit(long startInWindow) {
        AccountPace pace = new AccountPace(Duration.ofMillis(WINDOW), 15, 0.05);
        long windowOfWebex = -1;
        int admitted = 0;
        int refusals = 0;
        long lastRefusal = 0;
        long restUntil = 0;
        for (long now = WINDOW + startInWindow; now < 20 * WINDOW; now += 100) {
            if (now < restUntil || pace.readyAt(now) > now) {
                continue;
            }
            pace.took(now);
            if (now / WINDOW != windowOfWebex) {
                windowOfWebex = now / WINDOW;
                admitted = 0;
            }
            if (admitted < LIMIT) {
                admitted++;
                pace.answered(now);
            } else {
                pace.refused();
                pace.rateLimited(now);
                restUntil = now + WINDOW;
                refusals++;
                lastRefusal = now;
            }
        }
        assertTrue(refusals <= 4, refusals + " 000045");
        assertTrue(lastRefusal < 11 * WINDOW, "none in the last 9 of 20 windows; the last at " + lastRefusal);
        assertTrue(pace.pace() <= LIMIT && pace.pace() >= 0.8 * LIMIT, "paced just under the limit: " + pace.pace());
    }
}
