package pindrop.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.util.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.batch.Batches;

/**
 * pindrop.routes.reload: a route file added to or changed in routes/ is loaded while pindrop runs. Camel's own
 * reload updates plain routes only and skips a templatedRoute, which is what a job route is; so this replaces
 * the routes a changed file defines (their files in progress are suspended and resumed by the new route) and
 * loads the file as at start. The other routes keep running.
 */
public final class RouteReload extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReload.class);

    public RouteReload(String folder, String pattern) {
        super(folder, false);
        setPattern(pattern);
        setRemoveAllRoutes(false);
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        CamelContext context = getCamelContext();
        for (Resource resource : resources) {
            try {
                List<String> replaced = replace(context, resource);
                LOG.info("{} loaded while running: routes {}", resource.getLocation(), replaced);
            } catch (Exception e) {
                setLastError(e);
                incFailedCounter();
                LOG.error("{} could not be loaded, so its routes do not run: {}", resource.getLocation(),
                        RouteFailure.describe(context, e));
            }
        }
    }

    /** The file's routes, read first so a file that does not parse leaves the running ones alone. */
    private static List<String> replace(CamelContext context, Resource resource) throws Exception {
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        RouteBuilder parsed = (RouteBuilder) loader.getRoutesLoader(FileUtil.onlyExt(resource.getLocation(), true))
                .loadRoutesBuilder(resource);
        parsed.configureRoutes(context);
        List<String> ids = new ArrayList<>();
        parsed.getRouteCollection().getRoutes().stream().map(RouteDefinition::getRouteId).forEach(ids::add);
        parsed.getTemplatedRouteCollection().getTemplatedRoutes().stream().map(TemplatedRouteDefinition::getRouteId)
                .forEach(ids::add);
        for (String id : ids) {
            // a job's dry run goes with it, and comes back with it when the file is loaded (DryRunRoutes)
            for (String route : id == null ? List.<String>of() : List.of(id, DryRunRoutes.twinOf(id))) {
                if (context.getRoute(route) != null) {
                    suspendFilesOf(context, route);
                    context.getRouteController().stopRoute(route);
                    context.removeRoute(route);
                }
            }
        }
        loader.loadRoutes(resource);
        return ids;
    }

    /**
     * As on a stop: the route's files in progress start no further row and go back to its folder, where the
     * new route resumes them from their journal. Stopping the route waits for the rows in flight.
     */
    private static void suspendFilesOf(CamelContext context, String routeId) {
        Map<String, Object> parameters = context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(routeId).getTemplateParameters();
        Object job = parameters == null ? null : parameters.get("job");
        context.getRegistry().lookupByNameAndType("batches", Batches.class).open().stream()
                .filter(batch -> batch.job().equals(job))
                .forEach(batch -> batch.interrupt("its route " + routeId + " is being reloaded"));
    }
}
