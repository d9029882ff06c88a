package pindrop.status;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import pindrop.ActiveStandby;

/**
 * Camel health check {@code leadership}: DOWN on a standby (pindrop.ha), which takes no file while another
 * pindrop leads on its state folder. A readiness check only: a standby is alive, and restarting it would not help.
 */
public final class LeadershipHealthCheck extends AbstractHealthCheck {

    private final ActiveStandby leadership;

    public LeadershipHealthCheck(ActiveStandby leadership) {
        super("pindrop", "leadership");
        this.leadership = leadership;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (leadership.leads()) {
            builder.up();
        } else {
            builder.message("standby: another pindrop leads on the state folder; this one takes over when it stops")
                    .down();
        }
    }
}
