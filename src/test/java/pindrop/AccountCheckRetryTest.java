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
        simulator = WebexSimulator.builder().site("acme").admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com")).firstCallsAnswer503(3).build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), "webExId,hostPIN\nalice@acme.com,4821\nbob@acme.com,5930\n");
        PindropProcess pindrop = new PindropProcess(root);

        int exit = pindrop.runOnce(Map.of("WEBEX_SITE", "acme", "WEBEX_URL", simulator.endpoint().toString(),
                "WEBEX_ACCOUNT_1_ID", "admin1@acme.com", "WEBEX_ACCOUNT_1_PASSWORD", "admin1-secret",
                "WEBEX_RETRY_DELAY_MS", "20", "WEBEX_RATE", "1000"), List.of());

        assertEquals(0, exit, pindrop::output);
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
        simulator = WebexSimulator.builder().site("acme").admin("admin1@acme.com", "admin1-secret")
                .firstCallsAnswer503(Integer.MAX_VALUE).build().start();
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), "webExId,hostPIN\nalice@acme.com,4821\n");
        PindropProcess pindrop = new PindropProcess(root);

        int exit = pindrop.runOnce(Map.of("WEBEX_SITE", "acme", "WEBEX_URL", simulator.endpoint().toString(),
                "WEBEX_ACCOUNT_1_ID", "admin1@acme.com", "WEBEX_ACCOUNT_1_PASSWORD", "admin1-secret",
                "WEBEX_RETRY_DELAY_MS", "20", "WEBEX_RATE", "1000", "WEBEX_ACCOUNT_WAIT", "8s"), List.of());

        assertEquals(3, exit, pindrop::output);
        assertTrue(Files.exists(root.resolve("inbox/pins.csv")), "the file waits in the inbox");
        assertTrue(pindrop.output().contains("could not be checked: HTTP 503"), pindrop::output);
        // 5 calls per check (webex.retries 4), checked again 5 s after the first got no answer
        assertTrue(simulator.calls().size() >= 10, "the check was tried again: " + simulator.calls().size());
    }
}
