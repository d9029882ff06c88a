package pindrop.batch;

import org.apache.camel.Exchange;

import pindrop.outcome.Status;

/**
 * A dry run's row that passed its checks: VALID, with the admin account a real run would send it on; past
 * the budgets of every account that can take calls now, without one, as the real run would leave it DEFERRED.
 */
public final class DryRunPlan {

    public void plan(Exchange exchange) {
        Batch batch = exchange.getProperty(Batches.BATCH, Batch.class);
        exchange.setVariable("status", Status.VALID.name());
        exchange.setVariable("exceptionId", "");
        batch.plannedAccount().ifPresentOrElse(account -> {
            exchange.setVariable("account", account);
            exchange.setVariable("reason", "");
        }, () -> exchange.setVariable("reason", batch.whyNoPlannedAccount() + ": a real run would leave it DEFERRED"
                + " until an account is usable again"));
    }
}
