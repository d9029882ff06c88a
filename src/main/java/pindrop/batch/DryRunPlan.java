package pindrop.batch;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

import pindrop.outcome.RowVerdict;
import pindrop.outcome.Status;

/**
 * A dry run's row that passed its checks: VALID, with the admin account a real run would send it on; past
 * the budgets of every account that can take calls now, without one, as the real run would leave it DEFERRED.
 */
public final class DryRunPlan {

    /** The admin account a real run would send the row on, in the plan's order; null past every budget. */
    public String account(@ExchangeProperty(RowVariables.BATCH) Batch batch) {
        return batch.plannedAccount().orElse(null);
    }

    /** VALID; without a planned account, saying that a real run would leave the row DEFERRED. */
    public RowVerdict verdict(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @Variable(RowVariables.ACCOUNT) String account) {
        return RowVerdict.of(Status.VALID, account != null ? "" : batch.whyNoPlannedAccount()
                + ": a real run would leave it DEFERRED until an account is usable again");
    }
}
