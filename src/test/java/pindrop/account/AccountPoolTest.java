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

    private AccountPool pool() {
        AccountPool pool = new AccountPool(List.of(ADMIN), SETTINGS, clock, new AccountLedger(state));
        pool.checkWith(account -> {
            checks.incrementAndGet();
            return AccountCheck.Verdict.usable();
        });
        return pool;
    }
}
