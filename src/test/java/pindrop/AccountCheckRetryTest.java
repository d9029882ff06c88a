package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/** A passing fault at start does not end a cron run: the account check is a call and is retried like one. */
class AccountCheckRetryTest {

    @TempDir
    Path root;
    WebexSimulator simulator;

    @AfterEach
    void stopSite() {
        simulator.close();
    }

    @Test
    void threeHttp503sOnTheOnlyAccountsCheckDoNotEndTheRun() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com")).firstCallsAnswer503(3).build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), "webExId,hostPIN\nalice@acme.com,4821\nbob@acme.com,5930\n");

        RunningPindrop.Once once = RunningPindrop.once(simulator, root, Map.of());

        assertEquals(0, once.exit(), once::log);
        List<Map<String, String>> results = RunningPindrop.csv(root.resolve("outbox/pins.results.csv"));
        assertEquals(List.of("SUCCESS", "SUCCESS"), results.stream().map(r -> r.get("status")).toList());
        assertEquals(3, simulator.calls().stream().filter(c -> c.httpStatus() == 503).count());
        // the account's sign-in (AuthenticateUser, session tickets) may take one of the 503s; the check is tried
        // until it has its answer, before any SetUser
        List<WebexSimulator.Call> checks = simulator.calls().stream().takeWhile(c -> !c.operation().equals("SetUser"))
                .filter(c -> c.operation().equals("GetUser")).toList();
        assertTrue(checks.size() >= 2 && checks.get(checks.size() - 1).httpStatus() == 200
                && checks.subList(0, checks.size() - 1).stream().allMatch(c -> c.httpStatus() == 503),
                "the check was retried before any SetUser: " + simulator.calls());
    }

    @Test
    void aCheckThatNeverGetsAnAnswerEndsTheRunWithExit3AfterTheAccountWait() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .firstCallsAnswer503(Integer.MAX_VALUE).build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), "webExId,hostPIN\nalice@acme.com,4821\n");

        RunningPindrop.Once once = RunningPindrop.once(simulator, root, Map.of("webex.account-wait", "8s"));

        assertEquals(3, once.exit(), once::log);
        assertTrue(Files.exists(root.resolve("inbox/pins.csv")), "the file waits in the inbox");
        assertTrue(once.log().contains("could not be checked: HTTP 503"), once::log);
        // 5 calls per check (webex.retries 4), checked again 5 s after the first got no answer
        assertTrue(simulator.calls().size() >= 10, "the check was tried again: " + simulator.calls().size());
    }
}
