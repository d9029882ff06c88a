package pindrop.webex;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A permit is free again a period after its call's answer, not after the call left. */
@Tag("timing") // measures real arrival times: alone, in a fresh JVM (pom.xml, surefire execution timing)
class CallPermitsTest {

    @Test
    void aPermitRestsAPeriodAfterTheAnswer() throws Exception {
        CallPermits permits = new CallPermits(2, 300);
        permits.acquire();
        long second = permits.acquire();
        CompletableFuture<Long> third = CompletableFuture.supplyAsync(() -> {
            try {
                permits.acquire();
                return System.nanoTime();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // both calls still wait for their answers: however long that takes, no third call goes out
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());

        long answered = System.nanoTime();
        permits.release(second, false);
        long acquired = third.get(5, TimeUnit.SECONDS);
        assertTrue(acquired - answered >= TimeUnit.MILLISECONDS.toNanos(300),
                "the third call went out " + (acquired - answered) / 1_000_000 + " ms after an answer, not 300");
    }

    @Test
    void onceWarmAnAnsweredCallsPermitRestsAboutAPeriodFromPermitToPermitNotFromTheAnswer() throws Exception {
        CallPermits permits = new CallPermits(1, 300);
        permits.release(permits.acquire(), true); // the first answers of a warming client teach nothing
        long first = permits.acquire();
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        long answered = System.nanoTime();
        permits.release(first, true);
        long second = permits.acquire();
        assertTrue(second - first >= TimeUnit.MILLISECONDS.toNanos(300),
                "a period from permit to permit, not less: " + (second - first) / 1_000_000 + " ms");
        assertTrue(second - answered < TimeUnit.MILLISECONDS.toNanos(300),
                "free again sooner than a period after the answer: most of the 200 ms answer counts as Webex's");
    }

    @Test
    void rateZeroIsNoLimit() {
        CallPermits permits = new CallPermits(0, 1000);
        assertDoesNotThrow(() -> {
            for (int i = 0; i < 10_000; i++) {
                permits.acquire();
            }
        });
    }

    @Test
    void aNegativeRateOrNoPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CallPermits(-1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new CallPermits(2, 0));
    }
}
