package pindrop.status;

import org.apache.camel.CamelContext;

import pindrop.account.AccountPool;
import pindrop.batch.Batches;

/**
 * Hands Camel what the live status needs: the bean the status routes call and the accounts health check, in
 * its registry (Camel's health checks are looked up there), and the Webex call counter as an event notifier.
 */
public final class StatusBeans {

    private StatusBeans() {
    }

    public static void bind(CamelContext context, Batches batches, AccountPool pool) {
        context.getRegistry().bind("liveStatus", new LiveStatus(batches, pool));
        context.getRegistry().bind("accountsHealthCheck", new AccountsHealthCheck(pool));
        context.getManagementStrategy().addEventNotifier(new WebexCallMetrics(pool));
    }
}
