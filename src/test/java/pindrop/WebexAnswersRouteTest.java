package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.CannedWebex.Answer;
import pindrop.CannedWebex.Call;

/**
 * What each Webex answer does to a row, through the real routes (webex-setuser's retries, webex-failover,
 * webex-attempt) and beans, with two admin accounts and canned answers: SUCCESS, retry, failover, FAILURE,
 * ERROR and DEFERRED, a refused session ticket and the site-failure breaker, each in milliseconds.
 */
class WebexAnswersRouteTest extends RouteTest {

    /** webex.concurrency as application.properties sets it: the rows in flight at once. */
    static final int CONCURRENCY = 4;
    static final String ADMIN1 = "admin1@acme.com";
    static final String ADMIN2 = "admin2@acme.com";
    static final Answer SPENT = Answer.failure("030002", "Incorrect user or password");
    static final Answer RATE_LIMITED = Answer.failure("000045", "API Rate Limit Reached");
    static final Answer NOT_RESPONDING = Answer.failure("000035", "ASService not responding");
    static final Answer TICKET_REFUSED = Answer.failure("030047", "Not a valid session ticket");
    static final Answer NOT_FOUND = Answer.failure("030001", "Corresponding User not found");
    /** pindrop.site-failure.threshold as application.properties sets it. */
    static final int SITE_FAILURE_THRESHOLD = 10;

    @Override
    Map<String, String> settings() {
        // no waiting for an account to come back: with none usable, a row is DEFERRED at once
        return Map.of("webex.account.2.id", ADMIN2, "webex.account.2.password", "admin2-secret",
                "webex.account-wait", "0s", "webex.retries", "3");
    }

    @Test
    void successSetsEachRowOnAnAccountInOneAttempt() throws Exception {
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(3)));

        // the accounts share the rows in parallel (AccountPool): a row goes on whichever can call soonest, so
        // not always on the first; what holds is one call per row, on an account whose call it was
        assertEquals(3, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        Map<String, List<Call>> setUsers = webex.calls().stream().filter(c -> c.operation().equals("SetUser"))
                .collect(Collectors.groupingBy(Call::targetUser));
        assertEquals(3, setUsers.size(), setUsers::toString);
        for (Map<String, String> row : results("pins")) {
            assertEquals("SUCCESS", row.get("status"));
            assertEquals("1", row.get("attempts"));
            List<Call> calls = setUsers.get(row.get("webExId"));
            assertEquals(1, calls.size(), calls::toString);
            assertEquals(calls.get(0).caller(), row.get("account"));
        }
    }

    @Test
    void aSpentAccountFailsOverToTheNextAndIsNotAskedAgain() throws Exception {
        webex.answer("SetUser", ADMIN1, SPENT);
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(12)));

        assertEquals(12, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        results("pins").forEach(row -> assertEquals(ADMIN2, row.get("account"), row::toString));
        assertTrue(webex.calls("SetUser", ADMIN1) <= CONCURRENCY,
                "only the calls in flight when the first 030002 came may reach a spent account: "
                        + webex.calls("SetUser", ADMIN1));
    }

    @Test
    void aRateLimitedAccountRestsAndTheRowGoesOnTheNext() throws Exception {
        webex.answer("SetUser", ADMIN1, RATE_LIMITED);
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(12)));

        assertEquals(12, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertTrue(webex.calls("SetUser", ADMIN1) <= CONCURRENCY,
                "a rate-limited account rests (webex.rate-limit-pause): " + webex.calls("SetUser", ADMIN1));
        results("pins").forEach(row -> assertEquals(ADMIN2, row.get("account"), row::toString));
    }

    @Test
    void backEndTroubleIsRetriedOnTheSameRowAndCountedInAttempts() throws Exception {
        webex.answer("SetUser", NOT_RESPONDING, NOT_RESPONDING, Answer.success());
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(1)));

        assertEquals(1, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals("3", results("pins").get(0).get("attempts"));
        assertEquals(List.of(NOT_RESPONDING, NOT_RESPONDING, Answer.success()),
                webex.setUserAnswersByUser().get("user0001@acme.com"));
    }

    @Test
    void serverErrorsToTheLastRetryMakeTheRowAnErrorThatSaysSo() throws Exception {
        webex.answer("SetUser", Answer.http(503));
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(1)));

        assertEquals(1, summary.get("counts").get("ERROR").asInt(), summary::toString);
        Map<String, String> row = results("pins").get(0);
        assertEquals("4", row.get("attempts"), "the call and webex.retries=3 retries");
        assertTrue(row.get("reason").contains("503"), row::toString);
        assertEquals(4, webex.calls().stream().filter(c -> c.operation().equals("SetUser")).count());
    }

    @Test
    void anUnknownCodeIsTheRowsFailureAtOnceWithWebexsReason() throws Exception {
        webex.answer("SetUser", Answer.failure("123456", "Something new"));
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(2)));

        assertEquals(2, summary.get("counts").get("FAILURE").asInt(), summary::toString);
        for (Map<String, String> row : results("pins")) {
            assertEquals("FAILURE", row.get("status"));
            assertEquals("123456", row.get("exceptionId"));
            assertTrue(row.get("reason").contains("Something new"), row::toString);
            assertEquals("1", row.get("attempts"), "an unknown code is not retried");
        }
    }

    @Test
    void rowsLeftWhenEveryAccountIsSpentAreDeferredAndInTheRetryFile() throws Exception {
        webex.answer("SetUser", ADMIN1, Answer.success(), Answer.success(), SPENT);
        webex.answer("SetUser", ADMIN2, Answer.success(), SPENT);
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(8)));

        assertEquals(3, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(5, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertTrue(Instant.parse(summary.get("deferredUntil").asText()).isAfter(Instant.now()));
        List<String> deferred = results("pins").stream().filter(r -> r.get("status").equals("DEFERRED"))
                .map(r -> r.get("webExId")).toList();
        assertEquals(deferred, retries("pins").stream().map(r -> r.get("webExId")).toList());
        webex.setUserAnswersByUser().forEach((user, answers) -> assertTrue(
                deferred.contains(user) ? !answers.contains(Answer.success()) : answers.contains(Answer.success()),
                user + " got " + answers));
    }

    @Test
    void aRefusedSessionTicketSignsTheAccountInAgainAndTheSameCallIsResent() throws Exception {
        webex.answer("SetUser", TICKET_REFUSED, Answer.success());
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(1)));

        assertEquals(1, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        Map<String, String> row = results("pins").get(0);
        assertEquals("1", row.get("attempts"), "a call resent with a new ticket is neither a retry nor a failover");
        List<Call> setUsers = webex.calls().stream().filter(c -> c.operation().equals("SetUser")).toList();
        assertEquals(2, setUsers.size(), setUsers::toString);
        String caller = row.get("account");
        assertTrue(setUsers.stream().allMatch(c -> c.caller().equals(caller) && c.hostPin().equals(Users.pin(0))),
                "the same call on the same account: " + setUsers);
        List<String> tickets = webex.tickets(caller);
        assertEquals(2, webex.calls("AuthenticateUser", caller), "one more sign-in after the 030047");
        assertEquals(tickets, setUsers.stream().map(Call::ticket).toList(),
                "the refused call carried the first ticket, the resent one the new");
        String other = caller.equals(ADMIN1) ? ADMIN2 : ADMIN1;
        assertEquals(1, webex.calls("AuthenticateUser", other), "the other account keeps its ticket");
    }

    @Test
    void theSameUnknownCodeForManyUsersIsTheSitesFailureAndEveryRowIsDeferredWithIt() throws Exception {
        webex.answer("SetUser", Answer.failure("110099", "Back end unavailable"));
        start();
        List<String> users = Users.ids(40);

        JsonNode summary = run("pins.csv", Users.csv(users));

        assertEquals(40, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertTrue(summary.get("siteFailure").asText().contains("110099"), summary::toString);
        long calls = webex.calls().stream().filter(c -> c.operation().equals("SetUser")).count();
        assertTrue(calls >= SITE_FAILURE_THRESHOLD && calls <= SITE_FAILURE_THRESHOLD + CONCURRENCY,
                "no call after the tenth user in a row but those in flight: " + calls);
        results("pins").forEach(r -> assertTrue(r.get("status").equals("DEFERRED")
                && r.get("reason").contains("110099") && r.get("reason").contains("whole site"), r::toString));
        assertEquals(users, retries("pins").stream().map(r -> r.get("webExId")).toList(),
                "every row, the ten that got the answer too, is safe to send again");
    }

    @Test
    void aSuspendedSiteStopsTheRunAtItsFirstAnswer() throws Exception {
        webex.answer("SetUser", Answer.failure("010107", "The site is suspended"));
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(30)));

        assertEquals(30, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        long calls = webex.calls().stream().filter(c -> c.operation().equals("SetUser")).count();
        assertTrue(calls <= CONCURRENCY, "only the calls in flight may follow the first 010107: " + calls);
        results("pins").forEach(r -> assertTrue(r.get("reason").contains("010107"), r::toString));
        assertEquals(30, retries("pins").size());
    }

    @Test
    void tenUsersNotFoundInARowAreTheirRowsFailuresAndTheRunGoesOn() throws Exception {
        webex.answer("SetUser", NOT_FOUND.times(12, Answer.success()));
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(15)));

        assertEquals(12, summary.get("counts").get("FAILURE").asInt(), summary::toString);
        assertEquals(3, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(0, summary.get("counts").get("DEFERRED").asInt(), summary::toString);
        assertTrue(!summary.has("siteFailure") || summary.get("siteFailure").isNull(), summary::toString);
        assertEquals(15, webex.calls().stream().filter(c -> c.operation().equals("SetUser")).count());
        assertTrue(results("pins").stream().filter(r -> r.get("status").equals("FAILURE"))
                .allMatch(r -> r.get("exceptionId").equals("030001")));
        assertTrue(retries("pins").isEmpty());
    }
}
