package pindrop.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dry run's answer to "which admin account would take this row": the pool's accounts that could take
 * SetUser calls when the dry run began, in turn (the pool uses its accounts in parallel, each at its own pace),
 * each until its budget is planned away. Nothing is taken from the pool itself.
 */
public final class AccountPlan {

    private final List<String> accounts = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();
    private final String whyNone;
    private int current;

    /** Accounts resting or set aside take no row of the plan; unchecked ones do (their check comes before a call). */
    public AccountPlan(List<AccountPool.View> views) {
        for (AccountPool.View view : views) {
            boolean couldTake = view.takesCalls() || view.state() == AccountPool.State.UNCHECKED;
            if (couldTake && view.callsLeft() > 0) {
                accounts.add(view.id());
                left.add(view.callsLeft());
            }
        }
        whyNone = views.isEmpty() ? "no admin account is configured"
                : accounts.isEmpty() ? "no admin account can take a SetUser call now"
                : "the admin accounts' SetUser budgets are taken by the rows before it";
    }

    /** Why a row has no account in the plan: none configured, none usable now, or the budgets are spent. */
    public String whyNone() {
        return whyNone;
    }

    /** The account the next row to be sent would go out on; empty once every budget is planned away. */
    public synchronized Optional<String> next() {
        for (int tried = 0; tried < accounts.size(); tried++) {
            int account = current;
            current = (current + 1) % accounts.size();
            int budget = left.get(account);
            if (budget > 0) {
                left.set(account, budget - 1);
                return Optional.of(accounts.get(account));
            }
        }
        return Optional.empty();
    }
}
