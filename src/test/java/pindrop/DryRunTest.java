package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * A file dropped into a job's dry-run folder: every row checked, VALID or INVALID with the reason, the account
 * that would take each VALID row; nothing sent to SetUser, and GetUser only when asked to check the users.
 */
class DryRunTest extends SiteTest {

    private static final List<String> USERS = List.of("alice@acme.com", "bob@acme.com", "carol@acme.com",
            "dave@acme.com", "erin@acme.com", "frank@acme.com", "grace@acme.com", "heidi@acme.com", "ivan@acme.com");

    @Test
    void theMixedFileIsCheckedAndNothingReachesWebex() throws Exception {
        start(Map.of());
        pindrop.drop("dry-run", "pins.csv", MixedFileTest.csv());

        JsonNode summary = pindrop.awaitSummary("pins.dry-run");
        List<Map<String, String>> results = pindrop.results("pins.dry-run");

        assertTrue(summary.get("dryRun").asBoolean());
        assertEquals("hostpin", summary.get("job").asText());
        assertEquals(MixedFileTest.ROWS.size(), results.size());
        for (int i = 0; i < MixedFileTest.ROWS.size(); i++) {
            List<String> row = MixedFileTest.ROWS.get(i);
            Map<String, String> result = results.get(i);
            boolean invalid = row.get(3).equals("INVALID");
            assertEquals(invalid ? "INVALID" : "VALID", result.get("status"), "row " + (i + 2) + ": " + result);
            assertTrue(result.get("reason").contains(invalid ? row.get(4) : ""), result.toString());
            assertEquals(invalid ? "" : "admin1@acme.com", result.get("account"), "the account that would take it");
            assertEquals("0", result.get("attempts"));
        }
        assertEquals(5, summary.get("counts").get("VALID").asInt());
        assertEquals(8, summary.get("counts").get("INVALID").asInt());
        await().until(() -> Files.exists(pindrop.inbox.resolve("dry-run/.done/pins.csv")));
        // pindrop signs its admin account in and checks it at start (GetUser on itself), dry run or not; nothing
        // else went out
        assertTrue(simulator.calls().stream().allMatch(call -> call.operation().equals("AuthenticateUser")
                || call.operation().equals("GetUser") && call.targetUser().equals(call.caller())),
                simulator.calls().toString());
        assertTrue(Files.readString(pindrop.outbox.resolve("pins.dry-run.report.html")).contains("VALID"));
    }

    @Test
    void withTheUserCheckOnlyGetUserReachesWebexAndUnknownUsersAreInvalid() throws Exception {
        start(Map.of("pindrop.dry-run.check-users", "true"));
        pindrop.drop("dry-run", "pins.csv", MixedFileTest.csv());

        JsonNode summary = pindrop.awaitSummary("pins.dry-run");
        List<Map<String, String>> results = pindrop.results("pins.dry-run");

        for (int i = 0; i < MixedFileTest.ROWS.size(); i++) {
            String expected = switch (MixedFileTest.ROWS.get(i).get(3)) {
                case "SUCCESS" -> "VALID";
                default -> "INVALID";
            };
            assertEquals(expected, results.get(i).get("status"), "row " + (i + 2) + ": " + results.get(i));
        }
        Map<String, String> ghost = results.get(7);
        assertEquals("030001", ghost.get("exceptionId"));
        assertTrue(ghost.get("reason").contains("Webex does not know this user"), ghost.toString());
        assertEquals("1", ghost.get("attempts"), "one GetUser");
        assertEquals(3, summary.get("counts").get("VALID").asInt());
        assertEquals(10, summary.get("counts").get("INVALID").asInt());
        assertTrue(simulator.calls().stream().allMatch(call -> call.operation().equals("GetUser")
                || call.operation().equals("AuthenticateUser")), simulator.calls().toString());
        assertEquals(5, simulator.calls().stream().filter(call -> call.operation().equals("GetUser")
                && !call.targetUser().equals(call.caller())).count(),
                "one GetUser per row that passed the local checks");
    }

    @Test
    void withTheUserCheckAndNoAccountThatCanLookUsersUpEveryRowStillGetsAnOutcomeSayingWhy() throws Exception {
        start(Map.of("pindrop.dry-run.check-users", "true", "webex.account.1.password", "wrong"));
        pindrop.drop("dry-run", "pins.csv", MixedFileTest.csv());

        JsonNode summary = pindrop.awaitSummary("pins.dry-run");
        List<Map<String, String>> results = pindrop.results("pins.dry-run");

        assertEquals(MixedFileTest.ROWS.size(), results.size());
        assertEquals(5, summary.get("counts").get("ERROR").asInt());
        assertEquals(8, summary.get("counts").get("INVALID").asInt());
        Map<String, String> alice = results.get(0);
        assertEquals("ERROR", alice.get("status"));
        assertTrue(alice.get("reason").contains("the user could not be checked")
                && alice.get("reason").contains("WEBEX_ACCOUNT_1_PASSWORD"), alice.toString());
        assertEquals(5, pindrop.retries("pins.dry-run").size(), "the rows to check again");
    }

    @Test
    void eachValidRowNamesTheAccountThatWouldTakeItUntilTheBudgetsAreSpent() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .admin("admin2@acme.com", "admin2-secret").users(Users.ids(5)).build().start();
        Map<String, String> properties = new HashMap<>(Users.accounts(2));
        properties.put("webex.account-quota", "2");
        pindrop = RunningPindrop.against(simulator, root, properties);
        pindrop.drop("dry-run", "five.csv", Users.csv(Users.ids(5)));

        pindrop.awaitSummary("five.dry-run");
        List<Map<String, String>> results = pindrop.results("five.dry-run");

        assertEquals(List.of("admin1@acme.com", "admin2@acme.com", "admin1@acme.com", "admin2@acme.com", ""),
                results.stream().map(r -> r.get("account")).toList(), "in turn, as a real run uses them in parallel");
        assertEquals("VALID", results.get(4).get("status"));
        assertTrue(results.get(4).get("reason").contains("DEFERRED"), results.get(4).toString());
        assertEquals(0, simulator.setUserCallsBy("admin1@acme.com") + simulator.setUserCallsBy("admin2@acme.com"));
    }

    @Test
    void aRealRunAfterTheDryRunOfTheSameFileSendsEveryRow() throws Exception {
        start(Map.of());
        pindrop.drop("dry-run", "pins.csv", MixedFileTest.csv());
        pindrop.awaitSummary("pins.dry-run");

        pindrop.drop("pins.csv", MixedFileTest.csv());
        JsonNode summary = pindrop.awaitSummary("pins");

        assertEquals(false, summary.get("dryRun").asBoolean());
        assertEquals(3, summary.get("counts").get("SUCCESS").asInt());
        assertEquals(2, summary.get("counts").get("FAILURE").asInt());
        assertFalse(summary.get("counts").has("VALID"), "a real run's counts have no VALID: " + summary);
        MixedFileTest.PINS_SET.forEach((user, pin) -> assertEquals(pin, simulator.hostPin(user), user));
    }

    @Test
    void everyJobHasItsDryRunFolder() throws Exception {
        start(Map.of());
        pindrop.drop("audio-pin/dry-run", "phones.csv", """
                User ID/Email,Audio PIN
                alice@acme.com,4821
                bob@acme.com,1234
                """);

        JsonNode summary = pindrop.awaitSummary("phones.dry-run");

        assertEquals("audio-pin", summary.get("job").asText());
        assertEquals(List.of("VALID", "INVALID"),
                pindrop.results("phones.dry-run").stream().map(r -> r.get("status")).toList());
        assertEquals(0, simulator.setUserCalls("alice@acme.com"));
    }

    @Test
    void aFileTheDryRunCannotReadIsRejectedWithTheReason() throws Exception {
        start(Map.of());
        pindrop.drop("dry-run", "pins.csv", "webExId,department\nalice@acme.com,Sales\n");

        JsonNode summary = pindrop.awaitSummary("pins.dry-run");

        assertEquals("REJECTED", summary.get("status").asText());
        assertTrue(summary.get("dryRun").asBoolean());
        assertTrue(summary.get("reason").asText().contains("hostPIN"), summary.toString());
        await().until(() -> Files.exists(pindrop.inbox.resolve("dry-run/.failed/pins.csv")));
    }

    private void start(Map<String, String> properties) throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(USERS).build().start();
        pindrop = RunningPindrop.against(simulator, root, properties);
    }
}
