package pindrop;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which pindrop on a state folder does the work. Alone (the default) it always leads. With {@code pindrop.ha}
 * the pindrops on one state folder elect a leader on Camel's file lock cluster service (the lock is
 * {@code state/pindrop.lock}, the same file a pindrop without ha takes, so the two kinds exclude each other too);
 * the others stand by. Only the leader runs the routes that take work: the job folders' consumers and the
 * deferred-input timer.
 *
 * <p>Why not Camel's ClusteredRoutePolicy: it starts the routes the moment leadership is taken, and a new leader
 * must first take over what the old one left: the ledger of the accounts' calls re-read, the interrupted
 * inputs back in their folders. Were a consumer already polling, the recovery could move back a file it had just
 * taken.
 */
public final class ActiveStandby implements RoutePolicyFactory, CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveStandby.class);
    static final String NAMESPACE = "pindrop.lock";

    private final CamelContext context;
    private final TakeOver takeOver;
    private final Set<String> routes = ConcurrentHashMap.newKeySet();
    private volatile boolean leader;

    /** What a new leader does before its consumers start. */
    @FunctionalInterface
    public interface TakeOver {
        void run() throws Exception;
    }

    private ActiveStandby(CamelContext context, TakeOver takeOver, boolean leader) {
        this.context = context;
        this.takeOver = takeOver;
        this.leader = leader;
    }

    /** The only pindrop on its state folder (its lock already taken): it leads from the start. */
    static ActiveStandby alone() {
        return new ActiveStandby(null, null, true);
    }

    /**
     * A member of an active/standby pair on {@code state}: it holds its consumers back and competes for the lock
     * every {@code interval} once Camel has started (a leader that died is replaced after a few intervals).
     */
    static ActiveStandby elected(CamelContext context, Path state, Duration interval, TakeOver takeOver)
            throws Exception {
        ActiveStandby leadership = new ActiveStandby(context, takeOver, false);
        context.addRoutePolicyFactory(leadership);
        context.addStartupListener((ctx, alreadyStarted) -> {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(ManagementFactory.getRuntimeMXBean().getName());
            cluster.setRoot(state.toString());
            cluster.setAcquireLockDelay(interval.toMillis(), TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(interval.toMillis(), TimeUnit.MILLISECONDS);
            CamelClusterView view = cluster.getView(NAMESPACE);
            view.addEventListener(leadership);
            ctx.addService(cluster, true, true);
            LOG.info("pindrop.ha: standing by until this pindrop holds {} (checked every {})",
                    state.resolve(NAMESPACE), interval.toMillis() + " ms");
        });
        return leadership;
    }

    public boolean leads() {
        return leader;
    }

    public String role() {
        return leader ? "leader" : "standby";
    }

    /** The job folders' consumers and the deferred-input timer wait for leadership; every other route runs. */
    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                String uri = route.getEndpoint().getEndpointUri();
                if (uri.startsWith("file:") || uri.startsWith("timer://deferred")) {
                    routes.add(route.getRouteId());
                    // a job route added while this pindrop leads starts as any other
                    route.setAutoStartup(leader);
                }
            }
        };
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember member) {
        boolean leads = member != null && member.isLocal();
        if (leads == leader || !context.getStatus().isStarted()) {
            return;
        }
        try {
            if (leads) {
                LOG.info("pindrop.ha: this pindrop leads now; it takes over the state folder and starts its consumers");
                takeOver.run();
                for (String route : routes) {
                    context.getRouteController().startRoute(route);
                }
            } else {
                LOG.warn("pindrop.ha: this pindrop lost the lead; it stops its consumers and stands by");
                for (String route : routes) {
                    context.getRouteController().stopRoute(route);
                }
            }
            leader = leads;
        } catch (Exception e) {
            // the lock stays held with no consumer: better to end the process and let the standby take over
            LOG.error("pindrop.ha: the take-over failed, pindrop stops: {}", e.toString());
            Runtime.getRuntime().halt(2);
        }
    }
}
