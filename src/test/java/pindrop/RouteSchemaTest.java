package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** routes/ against the YAML DSL's own schema: a misspelt key fails the build with its file and line. */
class RouteSchemaTest {

    @Test
    void everyRouteFileFollowsTheYamlDslSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            files = routes.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no route files in routes/");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(RouteSchema.problems(file));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspeltKeyIsReportedWithItsFileAndLine(@TempDir Path folder) throws IOException {
        Path copy = folder.resolve("hostpin.camel.yaml");
        String route = Files.readString(Path.of("routes/hostpin.camel.yaml"));
        assertTrue(route.contains("routeTemplateRef:"), "the test misspells hostpin's routeTemplateRef");
        Files.writeString(copy, route.replace("routeTemplateRef:", "routeTemplateRf:"));
        int line = route.lines().toList().indexOf("    routeTemplateRef: spreadsheet-job") + 1;

        List<String> problems = RouteSchema.problems(copy);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith(copy + ":" + line + ": ")
                && p.contains("routeTemplateRf")), problems.toString());
    }
}
