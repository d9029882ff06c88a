package pindrop.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.LineNumberAware;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Where in routes/ a route that Camel could not create or start went wrong, as file:line, for whoever edits the
 * YAML: Camel names the route and its step but not the line (a YAML syntax error already has its line). Needs
 * camel.main.source-location-enabled, which gives each step its line.
 */
public final class RouteFailure {

    private RouteFailure() {
    }

    /** The failure's message, preceded by the file and line of the step that failed when a route failed. */
    public static String describe(CamelContext context, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Optional<String> routeId = routeId(failure);
        Model model = context == null ? null : context.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition route = routeId.isEmpty() || model == null ? null : model.getRouteDefinition(routeId.get());
        if (route == null) {
            return message;
        }
        int at = message.indexOf(">>> ");
        int end = message.indexOf(" <<<", at + 1);
        Optional<ProcessorDefinition<?>> shown = at < 0 || end < 0 ? Optional.empty()
                : find(route.getOutputs(), message.substring(at + 4, end));
        LineNumberAware step = shown.isPresent() ? shown.get() : route.getInput();
        String where = where(step);
        if (Boolean.TRUE.equals(route.isTemplate()) || route.getTemplateParameters() != null) {
            // the route's own file is the templatedRoute that gave the template its parameters; a job's dry run
            // has that of its job
            String job = DryRunRoutes.jobOf(route.getRouteId());
            String label = job.equals(route.getRouteId()) ? job : job + ", its dry run " + route.getRouteId();
            where = templatedRoute(step, job).map(t -> t + " (templatedRoute " + label + "), step at ").orElse("")
                    + where;
        }
        return where + ": " + message;
    }

    private static Optional<String> routeId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException create) {
                return Optional.ofNullable(create.getRouteId());
            }
            if (t instanceof FailedToStartRouteException start) {
                return Optional.ofNullable(start.getRouteId());
            }
        }
        return Optional.empty();
    }

    /** The step Camel shows between >>> and <<<, the deepest that matches. */
    private static Optional<ProcessorDefinition<?>> find(List<ProcessorDefinition<?>> steps, String shown) {
        for (ProcessorDefinition<?> step : steps) {
            Optional<ProcessorDefinition<?>> inner = find(step.getOutputs(), shown);
            if (inner.isPresent()) {
                return inner;
            }
            if (step.toString().equals(shown)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static String where(LineNumberAware step) {
        return step.getLocation() == null ? "(unknown file)" : path(step.getLocation()) + ":" + step.getLineNumber();
    }

    /** The templatedRoute of that id in the template's folder (routes/), as file:line. */
    private static Optional<String> templatedRoute(LineNumberAware templateStep, String routeId) {
        if (templateStep.getLocation() == null) {
            return Optional.empty();
        }
        Pattern declaration = Pattern.compile("\\s*routeId:\\s*[\"']?" + Pattern.quote(routeId) + "[\"']?\\s*");
        try (Stream<Path> files = Files.list(Path.of(path(templateStep.getLocation())).getParent())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (declaration.matcher(lines.get(i)).matches()) {
                        return Optional.of(file + ":" + (i + 1));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** "file:routes/x.yaml" as the path a person opens. */
    private static String path(String location) {
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }
}
