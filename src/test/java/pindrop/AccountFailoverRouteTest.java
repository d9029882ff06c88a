package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import pindrop.CannedWebex.Answer;
import pindrop.CannedWebex.Call;

/**
 * Several admin accounts, their budgets, rate limits and faults, through the real routes and beans with canned
 * answers: no stall, no burnt account, nothing lost. These were {@link AccountFailoverTest}'s cases against the
 * simulator over HTTP, with the same assertions, in milliseconds; its throttle tests stay there, since only real
 * HTTP arrival times show the rate.
 */
class AccountFailoverRouteTest extends RouteTest {

    static final int CONCURRENCY = 4;
    static final Answer SPENT = Answer.failure("030002", "Incorrect user or password");

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Users.accounts(3));
        settings.put("webex.concurrency", Integer.toString(CONCURRENCY));
        return settings;
    }

    @Test
    @Settings("webex.account-quota=1000")
    void learnsEachAccountsBudgetFromWebexAndFinishesOnTheNext() throws Exception {
        List<String> users = Users.ids(80);
        for (int n = 1; n <= 3; n++) {
            webex.answer("SetUser", admin(n), Answer.success().times(30, SPENT));
        }
        start();

        JsonNode summary = run("pins.csv", Users.csv(users));

        assertEquals(80, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        for (int n = 1; n <= 3; n++) {
            long calls = webex.calls("SetUser", admin(n));
            assertTrue(calls <= 30 + CONCURRENCY, admin(n) + " made " + calls + " SetUser calls");
            assertTrue(webex.calls("SetUser", admin(n), SPENT) <= CONCURRENCY,
                    admin(n) + " got 030002 " + webex.calls("SetUser", admin(n), SPENT) + " times: only calls in flight may");
        }
        assertEachUserSetOnceAndNeverAfter(users);
    }

    @Test
    // a pace of a call every 10 ms per account: canned answers come faster, so the next call is another account's
    @Settings({"webex.account-quota=25", "webex.pace-start=100"})
    void movesOnAtItsOwnQuotaBeforeWebexLocksTheAccount() throws Exception {
        start();

        // accounts are used in parallel now (AccountPool), not one after another until its quota: with exactly
        // the three quotas' rows, every account must reach its quota and none pass it
        JsonNode summary = run("pins.csv", Users.csv(Users.ids(75)));

        assertEquals(75, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        for (int n = 1; n <= 3; n++) {
            assertEquals(25, webex.calls("SetUser", admin(n)), admin(n) + " makes its quota's calls, no more");
        }
        List<String> callers = webex.calls().stream().filter(c -> c.operation().equals("SetUser"))
                .map(Call::caller).toList();
        assertTrue(callers.lastIndexOf(admin(1)) > callers.indexOf(admin(2)),
                "accounts are used in parallel, not one after another: " + callers);
    }

    @Test
    @Settings({"webex.account.3.id=", "webex.account-quota=1000", "webex.account-wait=0s"})
    void rowsLeftWhenEveryAccountIsSpentAreDeferredAndInTheRetryFile() throws Exception {
        List<String> users = Users.ids(60);
        webex.answer("SetUser", admin(1), Answer.success().times(20, SPENT));
        webex.answer("SetUser", admin(2), Answer.success().times(20, SPENT));
        start();

        JsonNode summary = run("pins.csv", Users.csv(users));

        int success = summary.get("counts").get("SUCCESS").asInt();
        int deferred = summary.get("counts").get("DEFERRED").asInt();
        assertEquals(60, success + deferred, summary::toString);
        assertTrue(success >= 40 - 2 * CONCURRENCY && success <= 40, "successes: " + success);
        assertTrue(Instant.parse(summary.get("deferredUntil").asText()).isAfter(Instant.now()));
        List<Map<String, String>> results = results("pins");
        List<String> deferredUsers = results.stream().filter(r -> r.get("status").equals("DEFERRED"))
                .map(r -> r.get("webExId")).toList();
        assertEquals(deferredUsers, retries("pins").stream().map(r -> r.get("webExId")).toList());
        Map<String, List<Answer>> answers = webex.setUserAnswersByUser();
        deferredUsers.forEach(user -> assertTrue(!answers.getOrDefault(user, List.of()).contains(Answer.success()),
                user + " is DEFERRED, so not set"));
        results.stream().filter(r -> r.get("status").equals("SUCCESS")).forEach(r -> assertEquals(1,
                answers.get(r.get("webExId")).stream().filter(Answer::succeeds).count()));
    }

    @Test
    @Settings({"webex.account.2.id=", "webex.account.3.id=", "webex.account-quota=20",
            "webex.account-quota-window=1500ms", "webex.account-wait=0s", "pindrop.deferred-check-interval=100ms"})
    void inServiceModeDeferredRowsAreSentOnceAnAccountIsBackAndTheReportShowsTheirRealStatus() throws Exception {
        List<String> users = Users.ids(50);
        start();

        // 20 rows a quota window: the file is done with DEFERRED rows twice, taken back from .deferred each time
        // the account is back, and done a third time with none left
        JsonNode last = run("pins.csv", Users.csv(users), 3);

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".done/pins.csv")));
        assertEquals(50, last.get("counts").get("SUCCESS").asInt(), last.toString());
        assertTrue(results("pins").stream().allMatch(r -> r.get("status").equals("SUCCESS")));
        assertTrue(retries("pins").isEmpty());
        assertEachUserSetOnceAndNeverAfter(users);
    }

    @Test
    void setsAsideANonAdminAndAWrongPasswordAndSucceedsOnTheGoodAccount() throws Exception {
        webex.answer("GetUser", admin(1), Answer.notAdmin());
        webex.answer("GetUser", admin(2), SPENT);
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(10)));

        assertEquals(10, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(0, webex.calls("SetUser", admin(1)));
        assertEquals(0, webex.calls("SetUser", admin(2)));
        Map<String, String> why = accountStates();
        assertTrue(why.get(admin(1)).contains("SET_ASIDE admin1@acme.com is not a site admin: GetUser shows"
                + " siteAdmin=false"), why.toString());
        assertTrue(why.get(admin(2)).contains("SET_ASIDE GetUser on its own id answered 030002"), why.toString());
        assertTrue(why.get(admin(2)).contains("WEBEX_ACCOUNT_2_PASSWORD"), why.toString());
    }

    @Test
    // retries enough for one row to meet every scripted fault: which row meets which depends on the threads
    @Settings({"webex.rate-limit-pause=200ms", "webex.retries=12"})
    void rideOutServerErrorsBackEndTroubleResetsAndRateLimits() throws Exception {
        List<String> users = Users.ids(60);
        Answer busy = Answer.failure("000035", "ASService not responding");
        Answer limited = Answer.failure("000045", "API Rate Limit Reached");
        Answer ok = Answer.success();
        webex.answer("SetUser", admin(1), ok, Answer.http(503), ok, busy, ok, Answer.reset(), ok, limited, ok, ok);
        webex.answer("SetUser", admin(2), Answer.http(503), ok, Answer.reset(), ok, busy, ok, limited, ok);
        webex.answer("SetUser", admin(3), busy, ok, Answer.http(503), ok, Answer.reset(), ok);
        start();

        JsonNode summary = run("pins.csv", Users.csv(users));

        assertEquals(60, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEachUserSetOnceAndNeverAfter(users);
        int attempts = results("pins").stream().mapToInt(r -> Integer.parseInt(r.get("attempts"))).sum();
        long setUserCalls = webex.calls().stream().filter(c -> c.operation().equals("SetUser")).count();
        assertEquals(setUserCalls, attempts, "attempts count every call, faulted ones included");
        assertTrue(attempts > 60, "some calls were retried: " + attempts);
        assertTrue(webex.calls().stream().anyMatch(c -> c.answer().equals(limited)), "the per-minute limit was reached");
    }

    @Test
    @Settings({"webex.account.2.id=", "webex.account.3.id=", "webex.rate=4", "webex.rate-period-ms=20"})
    void aFailedCallGivesItsPermitBack() throws Exception {
        // 4 permits: were a dropped connection to keep its permit, the file would stall after the fourth
        Answer reset = Answer.reset();
        Answer ok = Answer.success();
        webex.answer("SetUser", reset, ok, reset, reset, ok, reset, ok, reset, reset, ok, reset, ok);
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(20)));

        JsonNode counts = summary.get("counts");
        assertEquals(20, counts.get("SUCCESS").asInt() + counts.get("ERROR").asInt(), summary::toString);
        long dropped = webex.calls().stream().filter(c -> c.answer().http() == 0).count();
        assertTrue(dropped > 4, "more calls failed than there are permits: " + dropped);
    }

    private static String admin(int n) {
        return "admin" + n + "@acme.com";
    }

    /** Each user's PIN set by exactly one successful call, and no call for a user after that success. */
    private void assertEachUserSetOnceAndNeverAfter(List<String> users) {
        Map<String, String> setTo = new HashMap<>();
        for (Call call : webex.calls()) {
            if (!call.operation().equals("SetUser")) {
                continue;
            }
            assertTrue(!setTo.containsKey(call.targetUser()), call.targetUser() + " was sent again after its success");
            if (call.answer().succeeds()) {
                setTo.put(call.targetUser(), call.hostPin());
            }
        }
        for (int i = 0; i < users.size(); i++) {
            assertNotNull(setTo.get(users.get(i)), users.get(i) + " was never set");
            assertEquals(Users.pin(i), setTo.get(users.get(i)), users.get(i));
        }
    }

    private Map<String, String> accountStates() throws Exception {
        JsonNode status = new ObjectMapper().readTree(outbox.resolve("pindrop.status.json").toFile());
        return StreamSupport.stream(status.get("accounts").spliterator(), false)
                .collect(Collectors.toMap(a -> a.get("id").asText(),
                        a -> a.get("state").asText() + " " + a.get("why").asText()));
    }
}
