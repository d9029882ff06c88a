package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.XsltCompiler;
import org.apache.camel.main.Main;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pindrop.check.MappingException;
import pindrop.check.RowDocument;
import pindrop.check.SettingsMapping;
import pindrop.settings.StylesheetConfiguration;
import pindrop.job.RouteFailure;
import pindrop.job.JobStylesheets;

/**
 * The build checks every job file the integration team writes: each route of routes/ is created with pindrop's
 * beans (its stylesheet checked as pindrop checks it at start), each stylesheet of xslt/ compiles and writes a
 * whole request, each mapping reads. A broken one fails {@code mvn verify} with its
 * file and line, not at the first spreadsheet dropped.
 */
class JobFilesTest {

    static final Path ROUTES = Path.of("routes");
    static final Path XSLT = Path.of("xslt");

    @TempDir
    Path root;

    @Test
    void everyRouteIsCreatedWithPindropsBeansAndFindsItsMapping() throws Exception {
        List<String> mappings = new ArrayList<>();
        Optional<String> failure = createRoutes(ROUTES, model -> model.getRouteDefinitions().stream()
                .map(RouteDefinition::getTemplateParameters).filter(p -> p != null && p.get("mapping") != null)
                .map(p -> p.get("mapping").toString()).filter(m -> !m.isEmpty()).forEach(mappings::add));

        assertEquals(Optional.empty(), failure);
        assertTrue(mappings.contains("user-settings.mapping.csv"), mappings.toString());
        for (String mapping : mappings) {
            SettingsMapping.read(XSLT.resolve(mapping));
        }
    }

    @Test
    void everyStylesheetCompiles() throws IOException {
        for (Path stylesheet : files(XSLT, ".xsl")) {
            assertEquals(List.of(), compile(stylesheet), stylesheet.toString());
        }
    }

    /** A job's stylesheet that forgot to import envelope.xsl would send a bare bodyContent, which Webex refuses. */
    @Test
    void everyCallsStylesheetWritesAWholeRequest() throws Exception {
        StylesheetConfiguration configuration = new StylesheetConfiguration();
        JobStylesheets check = new JobStylesheets(configuration, new RowDocument(configuration));
        for (Path stylesheet : files(XSLT, ".xsl")) {
            if (!stylesheet.endsWith("envelope.xsl")) {
                assertEquals(Optional.empty(), check.problem(stylesheet));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("brokenStylesheets")
    void aJobWhoseStylesheetCannotWriteRequestsDoesNotStart(String templates, String problem) throws Exception {
        Path stylesheet = root.resolve("broken.xsl");
        Files.writeString(stylesheet, """
                <?xml version="1.0" encoding="UTF-8"?>
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                %s
                </xsl:stylesheet>
                """.formatted(templates.replace("ENVELOPE", XSLT.resolve("envelope.xsl").toUri().toString())));
        Path routes = copyOfRoutesWith("broken.camel.yaml",
                brokenJob("stylesheet", XSLT.toAbsolutePath().relativize(stylesheet).toString()));

        String failure = createRoutes(routes, model -> { }).orElseThrow();

        assertTrue(failure.contains("job route broken: xslt/"), failure);
        assertTrue(failure.contains("broken.xsl" + problem), failure);
    }

    /** A stylesheet's templates, and what pindrop says of them after the stylesheet's path. */
    static Stream<Arguments> brokenStylesheets() {
        return Stream.of(
                Arguments.of("""
                        <xsl:import href="ENVELOPE"/>
                        <xsl:template match="/row">
                          <bodyContent><xsl:value-of select="user("/></bodyContent>
                        </xsl:template>
                        """, ":5: "),
                Arguments.of("""
                        <xsl:template match="/row"><bodyContent/></xsl:template>
                        """, " writes <bodyContent> for a row, not an XML API request: it must import envelope.xsl"),
                Arguments.of("""
                        <xsl:import href="ENVELOPE"/>
                        <xsl:template match="/user"><bodyContent/></xsl:template>
                        """, " has no template for the row (match=\"/row\")"));
    }

    @Test
    void everyMappingReads() throws Exception {
        for (Path mapping : files(XSLT, ".mapping.csv")) {
            assertTrue(SettingsMapping.read(mapping).settings().size() > 0, mapping.toString());
        }
    }

    @Test
    void aMisspeltFieldIsReportedWithItsFileAndLine() throws Exception {
        Path routes = copyOfRoutesWith("broken.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: spreadsheet-job
                    routeId: broken
                    parameter:
                      - name: job
                        value: broken
                """);

        String failure = createRoutes(routes, model -> { }).orElseThrow();

        assertTrue(failure.contains("Unsupported field: parameter"), failure);
        assertTrue(failure.contains(routes.resolve("broken.camel.yaml") + ", line 5"), failure);
    }

    @Test
    void aStepThatCannotBeCreatedIsReportedWithTheTemplatedRouteAndTheStep() throws Exception {
        Path routes = copyOfRoutesWith("broken.camel.yaml", "# a job whose check bean does not exist\n"
                + brokenJob("check", "noSuchCheck", "stylesheet", "setuser-audiopin.xsl"));

        String failure = createRoutes(routes, model -> { }).orElseThrow();

        // the job route or its dry run, whichever Camel creates first: both are declared there
        assertTrue(failure.startsWith(routes.resolve("broken.camel.yaml") + ":4 (templatedRoute broken"), failure);
        assertTrue(failure.contains("), step at " + routes.resolve("spreadsheet-job.camel.yaml") + ":"), failure);
        assertTrue(failure.contains("noSuchCheck"), failure);
    }

    @Test
    void aBrokenStylesheetIsReportedWithItsFileAndLine() throws Exception {
        Path stylesheet = root.resolve("broken.xsl");
        Files.writeString(stylesheet, """
                <?xml version="1.0" encoding="UTF-8"?>
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:template match="/row">
                    <bodyContent>
                      <webExId><xsl:value-of select="user("/></webExId>
                    </bodyContent>
                  </xsl:template>
                </xsl:stylesheet>
                """);

        List<String> problems = compile(stylesheet);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(stylesheet + ":5: "), problems.get(0));
    }

    @Test
    void aBrokenMappingIsReportedWithItsFileAndLine() throws Exception {
        Path mapping = root.resolve("broken.mapping.csv");
        Files.writeString(mapping, """
                # a comment
                column,element,check
                joinBeforeHost,personalTeleconf/joinBeforeHost,boolean
                hostPIN,personalMeetingRoom/hostPIN,pn
                """);

        MappingException e = assertThrows(MappingException.class, () -> SettingsMapping.read(mapping));

        assertEquals(mapping + " line 4: check must be boolean, pin or ignore, found 'pn'", e.getMessage());
    }

    @Test
    void aMissingMappingIsAProblemWithTheMappingNotAnIoError() {
        Path missing = root.resolve("nothere.mapping.csv");

        MappingException e = assertThrows(MappingException.class, () -> SettingsMapping.read(missing));

        assertTrue(e.getMessage().startsWith(missing + ": there is no such file"), e.getMessage());
    }

    /**
     * Creates the routes of {@code routes} as pindrop does at start, in demo mode and without starting them
     * (no file is taken, no call made); the failure as pindrop reports it, if any.
     */
    private Optional<String> createRoutes(Path routes, java.util.function.Consumer<Model> inspect) {
        Main main = new Main();
        main.configure().addConfiguration(new PindropConfiguration());
        main.addOverrideProperty("pindrop.routes", routes.toString());
        main.addOverrideProperty("camel.main.auto-startup", "false");
        main.addOverrideProperty("pindrop.inbox", root.resolve("inbox").toString());
        main.addOverrideProperty("pindrop.outbox", root.resolve("outbox").toString());
        main.addOverrideProperty("pindrop.state", root.resolve("state").toString());
        main.addOverrideProperty("pindrop.simulator.sample", "");
        try {
            main.start();
            inspect.accept(main.getCamelContext().getCamelContextExtension().getContextPlugin(Model.class));
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(RouteFailure.describe(main.getCamelContext(), e));
        } finally {
            main.stop();
        }
    }

    private Path copyOfRoutesWith(String name, String yaml) throws IOException {
        Path routes = copyOfRoutes(root);
        Files.writeString(routes.resolve(name), yaml);
        return routes;
    }

    /** routes/broken.camel.yaml: the job "broken" on inbox/broken, with these parameters besides (name, value, …). */
    static String brokenJob(String... parameters) {
        StringBuilder yaml = new StringBuilder("""
                - templatedRoute:
                    routeTemplateRef: spreadsheet-job
                    routeId: broken
                    parameters:
                      - name: job
                        value: broken
                      - name: folder
                        value: "{{pindrop.inbox}}/broken"
                """);
        for (int i = 0; i < parameters.length; i += 2) {
            yaml.append("      - name: ").append(parameters[i]).append("\n        value: \"").append(parameters[i + 1])
                    .append("\"\n");
        }
        return yaml.toString();
    }

    /** A copy of routes/ as {@code root}/routes, for a test that adds or changes a route; the copy. */
    static Path copyOfRoutes(Path root) throws IOException {
        Path routes = Files.createDirectories(root.resolve("routes"));
        for (Path route : files(ROUTES, ".camel.yaml")) {
            Files.copy(route, routes.resolve(route.getFileName()));
        }
        return routes;
    }

    /** Saxon's compile errors, each as systemId:line: message. */
    static List<String> compile(Path stylesheet) {
        XsltCompiler compiler = new Processor(false).newXsltCompiler();
        List<XmlProcessingError> errors = new ArrayList<>();
        compiler.setErrorList(errors);
        try {
            compiler.compile(new StreamSource(stylesheet.toFile()));
        } catch (SaxonApiException e) {
            if (errors.isEmpty()) {
                return List.of(stylesheet + ": " + e.getMessage());
            }
        }
        return errors.stream().filter(error -> !error.isWarning()).map(error -> Path.of(URI.create(error.getLocation()
                .getSystemId())) + ":" + error.getLocation().getLineNumber() + ": " + error.getMessage()).toList();
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
