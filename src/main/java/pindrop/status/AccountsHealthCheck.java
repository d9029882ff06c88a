package pindrop.status;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import pindrop.account.AccountPool;
import pindrop.signin.SignIn;
import pindrop.webex.SiteFailureBreaker;

/**
 * Camel health check {@code accounts}: DOWN while no admin account can take a call, or the whole site fails
 * (no call is sent), saying why. A
 * readiness check only: pindrop is alive meanwhile (files wait in the inbox) and a restart would not help.
 */
public final class AccountsHealthCheck extends AbstractHealthCheck {

    private final AccountPool pool;
    private final SiteFailureBreaker siteFailures;

    public AccountsHealthCheck(AccountPool pool, SiteFailureBreaker siteFailures) {
        super("pindrop", "accounts");
        this.pool = pool;
        this.siteFailures = siteFailures;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        // the reason begins "no admin account ..." and says when the first is back or what to fix
        // or, while the whole site fails, "Webex answered CODE … to every SetUser …"; a refresh token that runs
        // out soon is a warning: pindrop still works, until it runs out
        siteFailures.whyClosed().or(pool::whyUnusable).ifPresentOrElse(why -> builder.message(jsonSafe(why)).down(), () -> {
            SignIn.of(getCamelContext()).map(s -> s.accessTokens().warnings()).filter(w -> !w.isEmpty())
                    .ifPresent(warnings -> builder.message(jsonSafe(String.join("; ", warnings))));
            builder.up();
        });
    }

    /** Camel writes the message into its health JSON as it is: no quote, backslash or line break may break that. */
    private static String jsonSafe(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").replace('"', '\'').replace('\\', '/');
    }
}
