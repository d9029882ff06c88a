package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * Limits Webex does not publish, hidden in the simulator, learned by pindrop at its defaults. Webex's minute is
 * shrunk to 3 s on both sides (RunningPindrop, the simulator's window), and the limits and the starting pace with
 * it: 30 calls per 3 s per account is 600 a minute.
 */
@Tag("timing") // measures real arrival times: alone, in a fresh JVM (pom.xml, surefire execution timing)
class PaceTest extends SiteTest {

    static final Duration WINDOW = Duration.ofSeconds(3);
    static final int PER_ACCOUNT = 30;
    /**
     * Eight windows' worth: an overstated first limit costs a rest or two before it is learned exactly (three on a
     * busy machine, where an account's probe after its rest is slow to fill its window).
     */
    static final int ROWS = 720;

    @Test
    void eachAccountsHiddenLimitIsLearnedAndAllThreeCallAtOnceCloseToTheirSum() throws Exception {
        List<String> users = Users.ids(ROWS);
        simulator = site(users).build().start();
        pindrop = run(simulator, root);

        pindrop.drop("pins.csv", Users.csv(users));
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(ROWS, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        List<WebexSimulator.Call> calls = setUserCalls(simulator);
        double seconds = seconds(calls.get(0).arrival(), calls.get(calls.size() - 1).arrival());
        double perWindow = ROWS / seconds * WINDOW.toSeconds();
        // learned once the rest after the last 000045 is over: from then to the end, what the three accounts make
        Instant restedAfterLimit = calls.stream().filter(c -> "000045".equals(c.exceptionId()))
                .map(WebexSimulator.Call::arrival).max(Instant::compareTo).orElse(calls.get(0).arrival()).plus(WINDOW);
        double learnedSeconds = seconds(restedAfterLimit, calls.get(calls.size() - 1).arrival());
        double learnedPerWindow = calls.stream().filter(c -> c.succeeded() && c.arrival().isAfter(restedAfterLimit))
                .count() / learnedSeconds * WINDOW.toSeconds();
        double limited = (double) simulator.rateLimitedCalls() / calls.size();
        System.out.printf("3 accounts, %d per window each: %d rows in %.1f s, %.1f per window (%.1f over the last"
                + " %.1f s, once learned; sum %d), %.1f%% 000045%n", PER_ACCOUNT, ROWS, seconds, perWindow,
                learnedPerWindow, learnedSeconds, 3 * PER_ACCOUNT, 100 * limited);
        assertTrue(learnedSeconds >= 2 * WINDOW.toSeconds(), "learned with two windows to go: " + learnedSeconds);
        // at most the sum less the headroom (1 of 30: 0.97); see the README's Pace for what was measured
        assertTrue(learnedPerWindow >= 0.85 * 3 * PER_ACCOUNT, "close to the sum of the limits once learned: "
                + learnedPerWindow);
        assertTrue(perWindow >= 0.7 * 3 * PER_ACCOUNT, "and with the learning: " + perWindow);
        assertTrue(limited <= 0.05, "000045 a small share: " + limited);
        // all three at once: each account's calls span the run from near its start to near its end
        for (int n = 1; n <= 3; n++) {
            List<Instant> own = arrivals(calls, "admin" + n + "@acme.com");
            assertTrue(seconds(calls.get(0).arrival(), own.get(0)) < 1, "admin" + n + " starts with the others");
            assertTrue(seconds(own.get(own.size() - 1), calls.get(calls.size() - 1).arrival()) < 2,
                    "admin" + n + " calls until the end");
        }
        JsonNode learned = new ObjectMapper().readTree(root.resolve("state/pace.json").toFile()).get("limits");
        for (int n = 1; n <= 3; n++) {
            int limit = learned.get("admin" + n + "@acme.com").asInt();
            // a call sent just before a window of Webex's began counts in it at Webex, not in pindrop's last window
            assertTrue(limit >= PER_ACCOUNT - 2 && limit <= PER_ACCOUNT + 2, "admin" + n + " learned " + limit);
        }
    }

    /** The simulated site: 3 admin accounts, each with the hidden limit, 50 ± 20 ms answers. */
    static WebexSimulator.Builder site(List<String> users) {
        WebexSimulator.Builder builder = WebexSimulator.builder().site(RunningPindrop.SITE).users(users)
                .perMinuteLimit(PER_ACCOUNT).rateLimitWindow(WINDOW)
                .latency(Duration.ofMillis(50)).latencyJitter(Duration.ofMillis(20));
        for (int n = 1; n <= 3; n++) {
            builder.admin("admin" + n + "@acme.com", "admin" + n + "-secret");
        }
        return builder;
    }

    /** pindrop at its defaults but for the shrunk minute, its starting pace scaled with it, and no ceiling. */
    static RunningPindrop run(WebexSimulator simulator, Path root) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(Users.accounts(3));
        properties.put("webex.rate", "0");
        properties.put("webex.pace-start", "15");
        return RunningPindrop.against(simulator, root, properties);
    }

    static List<WebexSimulator.Call> setUserCalls(WebexSimulator simulator) {
        return simulator.calls().stream().filter(c -> c.operation().equals("SetUser")).toList();
    }

    private static List<Instant> arrivals(List<WebexSimulator.Call> calls, String admin) {
        return calls.stream().filter(c -> c.caller().equals(admin)).map(WebexSimulator.Call::arrival).toList();
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
