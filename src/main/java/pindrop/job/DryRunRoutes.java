package pindrop.job;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

import pindrop.batch.JobFolders;

/**
 * Gives every job a dry run, so a job route added in YAML has one without being written twice: for each
 * route made from the {@code spreadsheet-job} template, the same template on {@code FOLDER/dry-run} as route
 * {@code ID-dry-run}. Its rows are checked and planned, never sent. What makes it a dry run is set here, never
 * by a job route, and the template reads each with the job's value as its default:
 * <ul>
 * <li>{@code dryRun} true (a job: false): its rows go to direct:dry-run instead of SetUser;</li>
 * <li>{@code gate} dryRunGate, which opens the folder when the outbox can be written (a job: inboxGate, which
 * also waits for an admin account that can take a call: a dry run needs none);</li>
 * <li>{@code rowThreads} dryRunRows, one thread, since its plan gives the accounts to the rows in their order
 * (a job: rows, webex.concurrency rows at once).</li>
 * </ul>
 */
public final class DryRunRoutes extends JobRouteAdded {

    static final String TEMPLATE = "spreadsheet-job";
    private static final String SUFFIX = "-" + JobFolders.DRY_RUN;

    private final Model model;

    public DryRunRoutes(Model model) {
        this.model = model;
    }

    /** The id of a job route's dry run. */
    static String twinOf(String routeId) {
        return routeId + SUFFIX;
    }

    /** The id of the job route a dry run belongs to; any other route's own id. */
    static String jobOf(String routeId) {
        return routeId.endsWith(SUFFIX) ? routeId.substring(0, routeId.length() - SUFFIX.length()) : routeId;
    }

    @Override
    void jobAdded(RouteDefinition route, Map<String, Object> parameters) {
        Map<String, Object> dryRun = new HashMap<>(parameters);
        // Camel adds a dashed copy of each parameter (dry-run beside dryRun), which would win over the change;
        // the template's own names have no dash
        dryRun.keySet().removeIf(name -> name.contains("-"));
        dryRun.put("dryRun", "true");
        dryRun.put("gate", "dryRunGate");
        dryRun.put("rowThreads", "dryRunRows");
        dryRun.put("folder", parameters.get("folder") + "/" + JobFolders.DRY_RUN);
        try {
            model.addRouteFromTemplate(twinOf(route.getRouteId()), TEMPLATE, dryRun);
        } catch (Exception e) {
            throw new RuntimeCamelException("the dry run of route " + route.getRouteId() + " cannot be made", e);
        }
    }
}
