package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * The throttle (webex.rate) as Webex sees it: the arrival times of real HTTP calls at the simulator. The route
 * logic of several accounts (budgets, quotas, DEFERRED, set-aside accounts, faults, a failed call's permit) is
 * tested with canned answers in {@link AccountFailoverRouteTest}.
 */
@Tag("timing") // measures real arrival times: alone, in a fresh JVM (pom.xml, surefire execution timing)
class AccountFailoverTest extends SiteTest {

    static final int CONCURRENCY = 4;

    @Test
    void throttleKeepsEveryOneSecondWindowUnderTheRate() throws Exception {
        List<String> users = Users.ids(200);
        simulator = admins(1).users(users).build().start();
        // with the journal forced to disk as usual: the fsync stalls this VM for hundreds of ms now and then, and
        // the calls held up by a stall must not arrive bunched with the ones after them
        pindrop = run(1, Map.of("webex.rate", "20"));

        pindrop.drop("pins.csv", Users.csv(users));
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(200, summary.get("counts").get("SUCCESS").asInt());
        List<Instant> arrivals = simulator.calls().stream().filter(c -> c.operation().equals("SetUser"))
                .map(WebexSimulator.Call::arrival).sorted().toList();
        int most = 0;
        int densest = 0;
        for (int first = 0, last = 0; last < arrivals.size(); last++) {
            while (!arrivals.get(first).plusSeconds(1).isAfter(arrivals.get(last))) {
                first++;
            }
            if (last - first + 1 > most) {
                most = last - first + 1;
                densest = first;
            }
        }
        Instant start = arrivals.get(0);
        String window = arrivals.subList(densest, densest + most).stream()
                .map(a -> Long.toString(a.toEpochMilli() - start.toEpochMilli())).collect(Collectors.joining(","));
        double seconds = (arrivals.get(arrivals.size() - 1).toEpochMilli() - arrivals.get(0).toEpochMilli()) / 1000.0;
        System.out.printf("throttle at 20/s: 200 calls over %.2f s, at most %d in any one-second window%n", seconds,
                most);
        assertTrue(most <= 20, "at most 20 calls in any one-second window, found " + most + " at ms " + window);
        assertTrue(seconds >= 9.0, "200 calls at 20/s take about 10 s, took " + seconds);
    }

    @Test
    void theFullRateIsReachedWithSlowAnswersAndNoOneSecondWindowPassesIt() throws Exception {
        List<String> users = Users.ids(200);
        simulator = admins(1).users(users).latency(Duration.ofMillis(300)).build().start();
        // 20/s with 300 ms answers needs 6 calls in flight
        pindrop = run(1, Map.of("webex.rate", "20", "webex.concurrency", "10"));

        pindrop.drop("pins.csv", Users.csv(users));
        assertEquals(200, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());

        List<Instant> arrivals = arrivals("admin1@acme.com");
        double seconds = (arrivals.get(arrivals.size() - 1).toEpochMilli() - arrivals.get(0).toEpochMilli()) / 1000.0;
        int most = densestSecond(arrivals);
        System.out.printf("throttle at 20/s, 300 ms answers: 200 calls over %.2f s, at most %d in one second%n",
                seconds, most);
        assertTrue(most <= 20, "at most 20 calls in any one-second window, found " + most);
        assertTrue(seconds <= 200 / 20.0 * 1.15, "the full 20/s is reached (at 15/s it took 13 s): " + seconds);
    }

    private WebexSimulator.Builder admins(int count) {
        WebexSimulator.Builder builder = WebexSimulator.builder().site(RunningPindrop.SITE);
        for (int n = 1; n <= count; n++) {
            builder.admin("admin" + n + "@acme.com", "admin" + n + "-secret");
        }
        return builder;
    }

    private RunningPindrop run(int accounts, Map<String, String> properties) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(Users.accounts(accounts));
        all.put("webex.concurrency", Integer.toString(CONCURRENCY));
        all.putAll(properties);
        return RunningPindrop.against(simulator, root, all);
    }

    /** When each of the account's SetUser calls reached the simulator, in order. */
    private List<Instant> arrivals(String admin) {
        return simulator.calls().stream().filter(c -> c.operation().equals("SetUser") && c.caller().equals(admin))
                .map(WebexSimulator.Call::arrival).sorted().toList();
    }

    /** The most calls in any one-second window. */
    private static int densestSecond(List<Instant> arrivals) {
        int most = 0;
        for (int first = 0, last = 0; last < arrivals.size(); last++) {
            while (!arrivals.get(first).plusSeconds(1).isAfter(arrivals.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
