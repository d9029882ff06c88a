package pindrop.job;

import java.util.Map;

import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Something to do when a job route is added to Camel's model, at start or on a route reload: a route made
 * from the {@code spreadsheet-job} template, not a job's dry run (which {@link DryRunRoutes} makes from it).
 */
public abstract class JobRouteAdded implements ModelLifecycleStrategy {

    /** @param parameters the template parameters the job route gave */
    abstract void jobAdded(RouteDefinition route, Map<String, Object> parameters);

    @Override
    public final void onAddRouteDefinition(RouteDefinition route) {
        Map<String, Object> parameters = route.getTemplateParameters();
        // a dry run is the one route from the template that sets dryRun (DryRunRoutes)
        if (parameters != null && parameters.containsKey("stylesheet") && !parameters.containsKey("dryRun")) {
            jobAdded(route, parameters);
        }
    }

    @Override
    public final void onRemoveRouteDefinition(RouteDefinition route) {
        // RouteReload removes a job's dry run with the job
    }

    @Override
    public final void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
        // a template is no job
    }

    @Override
    public final void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
        // nothing was made for a template
    }
}
