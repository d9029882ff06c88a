package pindrop;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A route test on Camel's own kit: the real routes of routes/ and the real beans ({@link PindropConfiguration})
 * under Camel main, on temporary folders, with the HTTP endpoint of {@code webex-post} replaced by
 * {@link CannedWebex} through AdviceWith. A file runs in milliseconds, so retry, failover and DEFERRED paths
 * are tested here; what only real HTTP proves (TLS, timeouts, the jar, the browser) stays with {@link SiteTest}.
 * <p>
 * A test scripts {@link #webex}, then {@link #start}s pindrop and {@link #run}s a file. A class that needs other
 * settings (more accounts, shorter waits) overrides {@link #settings}; a test method adds its own with
 * {@link Settings}.
 */
abstract class RouteTest extends CamelMainTestSupport {

    final CannedWebex webex = new CannedWebex();
    final Path root;
    final Path inbox;
    final Path outbox;

    /** Settings of one test method, over its class's {@link #settings}: {@code "key=value"} each. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Settings {
        String[] value();
    }

    RouteTest() {
        try {
            root = Files.createTempDirectory("pindrop-route-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        // the context starts in start(), once the test has scripted its answers and the endpoint is advised
        test.withUseAdviceWith(true);
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(new PindropConfiguration());
    }

    /** Fast, quiet, one admin account, on the test's folders; the class's {@link #settings}, then the test's, win. */
    private Properties overrides() {
        Properties all = new Properties();
        all.put("pindrop.inbox", inbox.toString());
        all.put("pindrop.outbox", outbox.toString());
        all.put("pindrop.state", root.resolve("state").toString());
        all.put("pindrop.read-lock-interval-ms", "20");
        all.put("pindrop.poll-interval-ms", "20");
        all.put("pindrop.status.enabled", "false");
        all.put("camel.main.shutdown-timeout", "5");
        all.put("webex.site", RunningPindrop.SITE);
        all.put("webex.url", "http://127.0.0.1:9/never-called");
        all.put("webex.rate", "0");
        all.put("webex.retry-delay-ms", "1");
        // Webex's minute shrunk to a second, and a pace that starts at a call a millisecond: at the default pace
        // (60 calls in the first minute) a file of canned answers would take a second a row; a 000045 still
        // teaches the account its limit, in calls per second
        all.put("webex.rate-limit-window", "1s");
        all.put("webex.pace-start", "1000");
        all.putAll(Users.accounts(1));
        all.putAll(settings());
        String test = getCurrentTestName().replace("()", "");
        Arrays.stream(getClass().getDeclaredMethods()).filter(method -> method.getName().equals(test))
                .map(method -> method.getAnnotation(Settings.class)).filter(Objects::nonNull)
                .flatMap(settings -> Arrays.stream(settings.value()))
                .forEach(setting -> all.put(setting.substring(0, setting.indexOf('=')),
                        setting.substring(setting.indexOf('=') + 1)));
        return all;
    }

    /**
     * A test class's own settings (e.g. more accounts, webex.account-wait): each test's pindrop is configured
     * with them (a context per test).
     */
    Map<String, String> settings() {
        return Map.of();
    }

    @Override
    protected void doPreSetup() throws Exception {
        Files.createDirectories(inbox);
        camelContextConfiguration().withUseOverridePropertiesWithPropertiesComponent(overrides());
        super.doPreSetup();
    }

    /** Replaces the HTTP endpoint of webex-post with the canned answers and starts pindrop. */
    void start() throws Exception {
        // by the step's text, as the YAML writes it: a URI pattern would be matched with {{webex.url}} resolved
        AdviceWith.adviceWith(context, "webex-post",
                route -> route.weaveByToString("to\\[\\{\\{webex\\.url}}.*").replace().process(webex));
        context.start();
    }

    /** Drops a file into the inbox (the hostpin job) and waits, through NotifyBuilder, until it is done. */
    JsonNode run(String name, String csv) throws Exception {
        return run(name, csv, 1);
    }

    /** The same, for a file the route takes {@code times} times (a file with DEFERRED rows comes back). */
    JsonNode run(String name, String csv, int times) throws Exception {
        return run("hostpin", inbox, name, csv, times);
    }

    /** Drops a file into a job's folder in the inbox, e.g. {@code run("audio-pin", "phones.csv", csv)}. */
    JsonNode runJob(String job, String name, String csv) throws Exception {
        return run(job, inbox.resolve(job), name, csv, 1);
    }

    private JsonNode run(String routeId, Path folder, String name, String csv, int times) throws Exception {
        // the file's own exchanges, not its rows' (the split's exchanges come from the route too)
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(routeId)
                .filter(exchange -> exchange.getProperty(Exchange.SPLIT_INDEX) == null).whenDone(times).create();
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name + ".copying");
        Files.writeString(hidden, csv, StandardCharsets.UTF_8);
        Files.move(hidden, folder.resolve(name));
        if (!done.matches(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " was not done " + times + " time(s) in 30 s; calls: " + webex.calls());
        }
        return summary(name.substring(0, name.lastIndexOf('.')));
    }

    JsonNode summary(String base) throws IOException {
        return new ObjectMapper().readTree(outbox.resolve(base + ".summary.json").toFile());
    }

    List<Map<String, String>> results(String base) throws IOException {
        return RunningPindrop.csv(outbox.resolve(base + ".results.csv"));
    }

    List<Map<String, String>> retries(String base) throws IOException {
        return RunningPindrop.csv(outbox.resolve(base + ".retry.csv"));
    }

    /** pindrop may still probe its folders (WritableFolders) as it stops: a file can vanish during the walk. */
    @AfterEach
    void removeFolders() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                file.toFile().delete();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException gone) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failed) {
                folder.toFile().delete();
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
