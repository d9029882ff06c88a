package pindrop.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which admin account a dry run says would take each row. */
class AccountPlanTest {

    @Test
    void accountsThatCannotTakeCallsNowTakeNoRowAndTheOthersTakeRowsInTurnUpToTheirBudget() {
        AccountPlan plan = new AccountPlan(List.of(
                new AccountPool.View("resting@acme.com", AccountPool.State.RESTING, 700, 0, "2026-11-24T15:00:00Z", "030002"),
                new AccountPool.View("ready@acme.com", AccountPool.State.READY, 698, 2, null, ""),
                new AccountPool.View("aside@acme.com", AccountPool.State.SET_ASIDE, 0, 700, null, "not a site admin"),
                new AccountPool.View("unchecked@acme.com", AccountPool.State.UNCHECKED, 0, 1, null, ""),
                new AccountPool.View("third@acme.com", AccountPool.State.READY, 0, 700, null, "")));

        List<Optional<String>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(plan.next());
        }

        assertEquals(List.of(Optional.of("ready@acme.com"), Optional.of("unchecked@acme.com"),
                Optional.of("third@acme.com"), Optional.of("ready@acme.com"), Optional.of("third@acme.com")), rows,
                "in turn, as the pool uses them in parallel; an account whose budget is planned away drops out");
    }

    @Test
    void onceEveryBudgetIsPlannedAwayNoAccountTakesTheRow() {
        AccountPlan plan = new AccountPlan(List.of(
                new AccountPool.View("a@acme.com", AccountPool.State.READY, 698, 2, null, ""),
                new AccountPool.View("b@acme.com", AccountPool.State.READY, 699, 1, null, "")));
        List<Optional<String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(plan.next());
        }
        assertEquals(List.of(Optional.of("a@acme.com"), Optional.of("b@acme.com"), Optional.of("a@acme.com"),
                Optional.empty()), rows);
        assertEquals("the admin accounts' SetUser budgets are taken by the rows before it", plan.whyNone());
    }

    @Test
    void withoutAnAccountThatCanTakeCallsTheReasonSaysSo() {
        assertEquals("no admin account is configured", new AccountPlan(List.of()).whyNone());
        assertEquals("no admin account can take a SetUser call now", new AccountPlan(List.of(
                new AccountPool.View("aside@acme.com", AccountPool.State.SET_ASIDE, 0, 700, null, "refused"))).whyNone());
    }
}
