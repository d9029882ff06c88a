package pindrop.status;

import org.apache.camel.CamelContext;

import pindrop.ActiveStandby;
import pindrop.account.AccountPool;
import pindrop.batch.Batches;
import pindrop.signin.SignIn;
import pindrop.webex.SiteFailureBreaker;

/**
 * Hands Camel what the live status needs: the bean the status routes call and the accounts health check, in
 * its registry (Camel's health checks are looked up there), and the Webex call counter as an event notifier.
 */
public final class StatusBeans {

    private StatusBeans() {
    }

    public static void bind(CamelContext context, Batches batches, AccountPool pool, ActiveStandby leadership,
            SiteFailureBreaker siteFailures) {
        context.getRegistry().bind("liveStatus",
                new LiveStatus(batches, pool, leadership, siteFailures, SignIn.of(context)));
        context.getRegistry().bind("accountsHealthCheck", new AccountsHealthCheck(pool, siteFailures));
        context.getRegistry().bind("leadershipHealthCheck", new LeadershipHealthCheck(leadership));
        context.getManagementStrategy().addEventNotifier(new WebexCallMetrics(pool));
    }
}
