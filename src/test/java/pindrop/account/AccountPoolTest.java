package pindrop.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.MovableClock;

/** The pool's bookkeeping over time: quotas that survive a restart, windows that end, rests that end in a check. */
class AccountPoolTest {

    static final Account ADMIN = new Account(1, "admin1@acme.com", "secret", "");
    static final AccountPool.Settings SETTINGS =
            new AccountPool.Settings(5, Duration.ofHours(24), Duration.ofHours(6), Duration.ZERO);

    @TempDir
    Path state;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T08:00:00Z"));
    final AtomicInteger checks = new AtomicInteger();

    @Test
    void callsMadeSurviveARestartUntilTheQuotaWindowEnds() throws Exception {
        AccountPool before = pool();
        before.take();
        before.take();
        before.take();
        before.stop();

        AccountPool after = pool();
        assertEquals(2, after.view().get(0).callsLeft(), "3 of 5 calls were made before the restart");
        after.take();
        after.take();
        NoUsableAccountException none = assertThrows(NoUsableAccountException.class, after::take);
        assertTrue(none.getMessage().contains("made its 5 calls"), none.getMessage());

        clock.advance(Duration.ofHours(24));
        after.take();
        assertEquals(4, after.view().get(0).callsLeft(), "a new window counts from zero");
    }

    @Test
    void aSpentAccountRestsForTheCoolDownAndIsCheckedAgainBeforeItsNextCall() throws Exception {
        AccountPool pool = pool();
        pool.take();
        assertEquals(1, checks.get(), "checked before its first call");

        pool.spent(ADMIN, "Webex answered 030002 to SetUser");
        NoUsableAccountException none = assertThrows(NoUsableAccountException.class, pool::take);
        assertTrue(none.getMessage().contains("usable again at " + clock.instant().plus(Duration.ofHours(6))),
                none.getMessage());

        clock.advance(Duration.ofHours(6));
        pool.take();
        assertEquals(2, checks.get(), "checked again after the rest");
    }

    @Test
    void aRestSurvivesARestart() throws Exception {
        AccountPool before = pool();
        before.take();
        before.spent(ADMIN, "Webex answered 030002 to SetUser");

        AccountPool after = pool();
        assertThrows(NoUsableAccountException.class, after::take);
        assertEquals(AccountPool.State.RESTING, after.view().get(0).state());
    }

    @Test
    void accountsTakeCallsInTurnEachAtItsOwnPace() throws Exception {
        Account second = new Account(2, "admin2@acme.com", "secret", "");
        AccountPool pool = paced(List.of(ADMIN, second), new AccountPool.Pacing(Duration.ofMinutes(1), 60, 0.05));

        assertEquals(List.of(ADMIN, second), List.of(pool.take(), pool.take()),
                "the second call goes to the idle account, not after the first account's budget");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(ADMIN, second), List.of(pool.take(), pool.take()), "a call a second each, in turn");
    }

    @Test
    void theFirst000045TeachesTheLimitJustUnderWhichThePaceKeepsAndARestartKnowsIt() throws Exception {
        AccountPool.Pacing pacing = new AccountPool.Pacing(Duration.ofMinutes(1), Double.POSITIVE_INFINITY, 0.1);
        AccountPool before = paced(List.of(ADMIN), pacing);
        for (int i = 0; i < 5; i++) {
            before.take();
        }
        for (int i = 0; i < 3; i++) {
            before.answered(ADMIN);
        }
        before.pause(ADMIN, Duration.ofSeconds(60), "rate limit (000045)");
        before.pause(ADMIN, Duration.ofSeconds(60), "rate limit (000045)"); // a call that was in flight

        assertEquals(new AccountPool.PaceView("admin1@acme.com", 4, 3.0), before.paces().get(0),
                "its GetUser check and 5 calls in the last minute, the 2 refused not counted: 4 the limit; the pace"
                        + " one call (10%, at least 1) under it");
        assertEquals(3, before.view().get(0).calls(), "a call answered 000045 gives its quota call back");
        before.stop();
        AccountPool after = paced(List.of(ADMIN), pacing);
        assertEquals(new AccountPool.PaceView("admin1@acme.com", 4, 3.0), after.paces().get(0));
        assertEquals(new AccountPool.PaceView("", null, Double.POSITIVE_INFINITY), after.paces().get(1),
                "one account: its limit is its own, not the site's");
    }

    @Test
    void anAccountWithoutCredentialsForAWhileRestsAndLearnsNoLimitFromIt() throws Exception {
        AccountPool.Pacing pacing = new AccountPool.Pacing(Duration.ofMinutes(1), Double.POSITIVE_INFINITY, 0.1);
        AccountPool pool = paced(List.of(ADMIN), pacing);
        pool.take();

        pool.restWithoutCredentials(ADMIN, Duration.ofSeconds(60), "its sign-in got no answer (HTTP 503)");

        assertEquals(AccountPool.State.RESTING, pool.view().get(0).state());
        assertEquals(new AccountPool.PaceView("admin1@acme.com", null, Double.POSITIVE_INFINITY),
                pool.paces().get(0), "no 000045: nothing learned");
    }

    @Test
    void whenEveryAccountMeets000045TogetherTheSiteLearnsItsLimit() throws Exception {
        Account second = new Account(2, "admin2@acme.com", "secret", "");
        AccountPool pool = paced(List.of(ADMIN, second),
                new AccountPool.Pacing(Duration.ofMinutes(1), Double.POSITIVE_INFINITY, 0.1));
        for (int i = 0; i < 10; i++) {
            pool.take();
        }
        for (int i = 0; i < 4; i++) {
            pool.answered(ADMIN);
            pool.answered(second);
        }
        pool.pause(ADMIN, Duration.ofSeconds(60), "rate limit (000045)");
        clock.advance(Duration.ofSeconds(1));
        pool.pause(second, Duration.ofSeconds(60), "rate limit (000045)");

        assertEquals(new AccountPool.PaceView("admin1@acme.com", 5, 4.0), pool.paces().get(0),
                "its GetUser check and the 4 of its calls let through");
        assertEquals(new AccountPool.PaceView("", 10, 9.0), pool.paces().get(2),
                "the site's limit: at least what the accounts' own limits learned at once add up to (its 8 calls"
                        + " let through, and the checks, Webex counts too), its pace one under it");
    }

    @Test
    void accountsThatCallSeldomMeetAFullSiteTogetherEachAtItsNextCall() throws Exception {
        Account second = new Account(2, "admin2@acme.com", "secret", "");
        AccountPool pool = paced(List.of(ADMIN, second), new AccountPool.Pacing(Duration.ofMinutes(1), 60, 0.1));
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(ADMIN, second), List.of(pool.take(), pool.take()));
            if (i < 3) {
                pool.answered(ADMIN);
                pool.answered(second);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        pool.pause(ADMIN, Duration.ofSeconds(60), "rate limit (000045)");
        clock.advance(Duration.ofSeconds(8));
        pool.pause(second, Duration.ofSeconds(60), "rate limit (000045)");

        assertEquals(new AccountPool.PaceView("", 8, 7.0), pool.paces().get(2),
                "each learned 4 a minute (3 let through and its check), paced at a call every 20 s: 8 s apart is"
                        + " together; their 8 the site's limit");
    }

    private AccountPool paced(List<Account> accounts, AccountPool.Pacing pacing) {
        AccountPool pool = new AccountPool(accounts, SETTINGS, pacing, clock, new AccountLedger(state),
                new PaceFile(state, pacing.window()));
        pool.checkWith(account -> AccountCheck.Verdict.usable());
        return pool;
    }

    private AccountPool pool() {
        AccountPool pool = new AccountPool(List.of(ADMIN), SETTINGS, clock, new AccountLedger(state));
        pool.checkWith(account -> {
            checks.incrementAndGet();
            return AccountCheck.Verdict.usable();
        });
        return pool;
    }
}
