package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * A site cap below the sum of the accounts' hidden limits, on PaceTest's shrunk site: a class of its own, so the
 * timing phase runs it beside PaceTest.
 */
@Tag("timing") // measures real arrival times: in a fresh JVM (pom.xml, surefire execution timing)
class SiteCapPaceTest extends SiteTest {

    @Test
    void aSiteCapBelowTheSumOfTheAccountsLimitsIsLearnedAndTheRunSettlesUnderIt() throws Exception {
        // long enough to settle: a first 000045 can overstate the site's cap (README, Pace), the next corrects it
        List<String> users = Users.ids(180);
        int siteCap = 45;
        simulator = PaceTest.site(users).sitePerMinuteLimit(siteCap).build().start();
        pindrop = PaceTest.run(simulator, root);

        pindrop.drop("pins.csv", Users.csv(users));
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(users.size(), summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        List<WebexSimulator.Call> calls = PaceTest.setUserCalls(simulator);
        Instant start = calls.get(0).arrival();
        Instant end = calls.get(calls.size() - 1).arrival();
        Instant settled = start.plus(Duration.between(start, end).multipliedBy(2).dividedBy(3));
        long limitedLate = calls.stream().filter(c -> c.arrival().isAfter(settled) && "000045".equals(c.exceptionId()))
                .count();
        System.out.printf("site cap %d per window: %d rows in %.1f s, %d calls answered 000045 (%d in the last"
                + " third)%n", siteCap, users.size(), PaceTest.seconds(start, end), simulator.rateLimitedCalls(),
                limitedLate);
        assertTrue(limitedLate <= calls.size() / 100,
                "settled under the site's cap: hardly a 000045 in the last third");
        double perWindow = users.size() / PaceTest.seconds(start, end) * PaceTest.WINDOW.toSeconds();
        System.out.printf("site cap %d per window: %.1f per window, %.2f of the cap%n", siteCap, perWindow,
                perWindow / siteCap);
        assertTrue(perWindow >= 0.7 * siteCap, "and close to it");
    }
}
