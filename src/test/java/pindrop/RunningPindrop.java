package pindrop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import pindrop.outcome.OutcomeFiles;
import pindrop.simulator.WebexSimulator;

/**
 * pindrop as it runs in production (Camel main, {@link PindropConfiguration}, the YAML routes of routes/ and
 * the stylesheets of xslt/) on temporary folders, pointed at a simulator over real HTTP.
 */
final class RunningPindrop implements AutoCloseable {

    static final String SITE = "acme";

    final Path inbox;
    final Path outbox;
    private final Main main;

    private RunningPindrop(Path root, Map<String, String> properties) throws Exception {
        this(root, properties, Map.of());
    }

    /** With beans bound before start, which pindrop's configuration uses instead of its own (durableFiles). */
    private RunningPindrop(Path root, Map<String, String> properties, Map<String, Object> beans) throws Exception {
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
        main = configured(root, properties);
        main.configure().addConfiguration(new PindropConfiguration());
        beans.forEach(main::bind);
        main.start();
    }

    /** What {@code pindrop --once} ended with: its exit code and what it logged. */
    record Once(int exit, String log) {
    }

    /**
     * {@code pindrop --once} against the simulator in this JVM, as {@link Pindrop} runs it but for the exit: a
     * test of the exit code and what the run logs, without the second or two a JVM of its own costs
     * ({@link PindropProcess} for what only a process shows: its environment, its log's format).
     */
    static Once once(WebexSimulator simulator, Path root, Map<String, String> properties) throws Exception {
        Main main = configured(root, siteProperties(simulator.endpoint(), properties));
        try (LogCapture log = new LogCapture()) {
            int exit = Pindrop.run(main, true);
            return new Once(exit, log.text());
        }
    }

    /** A Camel main on {@code root}'s folders with the tests' fast settings, then {@code properties}. */
    private static Main configured(Path root, Map<String, String> properties) throws IOException {
        Files.createDirectories(root.resolve("inbox"));
        Main main = new Main();
        main.addOverrideProperty("pindrop.inbox", root.resolve("inbox").toString());
        main.addOverrideProperty("pindrop.outbox", root.resolve("outbox").toString());
        main.addOverrideProperty("pindrop.state", root.resolve("state").toString());
        main.addOverrideProperty("pindrop.read-lock-interval-ms", "100");
        main.addOverrideProperty("pindrop.poll-interval-ms", "50");
        main.addOverrideProperty("webex.retry-delay-ms", "20");
        main.addOverrideProperty("camel.main.shutdown-timeout", "5");
        // no status server unless a test asks for one (with a free port)
        main.addOverrideProperty("pindrop.status.enabled", "false");
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /** pindrop with one site admin of the simulator, fast (no throttle to speak of, short retries). */
    static RunningPindrop against(WebexSimulator simulator, Path root, Map<String, String> properties)
            throws Exception {
        return against(simulator.endpoint(), root, properties);
    }

    /** The same, pointed at another server that answers like Webex. */
    static RunningPindrop against(URI endpoint, Path root, Map<String, String> properties) throws Exception {
        return new RunningPindrop(root, siteProperties(endpoint, properties));
    }

    private static Map<String, String> siteProperties(URI endpoint, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("webex.site", SITE);
        all.put("webex.url", endpoint.toString());
        all.put("webex.rate", "1000");
        // Webex's minute shrunk to 3 s, so a pace learns in seconds (the simulator's window is a switch of its own)
        all.put("webex.rate-limit-window", "3s");
        all.put("webex.rate-limit-pause", "3s");
        // no pace until Webex says so (a test of the pace sets its own start): the default start, 60 calls a
        // window, would make every file of more than a few dozen rows wait for it
        all.put("webex.pace-start", "1000");
        all.put("webex.account.1.id", "admin1@acme.com");
        all.put("webex.account.1.password", "admin1-secret");
        all.putAll(properties);
        return all;
    }

    /** pindrop against the simulator with {@code beans} bound before it starts. */
    static RunningPindrop against(WebexSimulator simulator, Path root, Map<String, String> properties,
            Map<String, Object> beans) throws Exception {
        return new RunningPindrop(root, siteProperties(simulator.endpoint(), properties), beans);
    }

    static RunningPindrop demo(Path root, Map<String, String> properties) throws Exception {
        return new RunningPindrop(root, properties);
    }

    /** Drops a file the way a careful copy does: written aside under a hidden name, then renamed. */
    void drop(String name, byte[] content) throws IOException {
        drop(inbox, name, content);
    }

    void drop(String name, String content) throws IOException {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops a file into a job's folder inside the inbox, e.g. {@code audio-pin}. */
    void drop(String jobFolder, String name, byte[] content) throws IOException {
        drop(inbox.resolve(jobFolder), name, content);
    }

    void drop(String jobFolder, String name, String content) throws IOException {
        drop(jobFolder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name + ".copying");
        Files.write(hidden, content);
        Files.move(hidden, folder.resolve(name));
    }

    JsonNode awaitSummary(String base) {
        Path summary = outbox.resolve(base + ".summary.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(summary));
        try {
            return new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    List<Map<String, String>> results(String base) throws IOException {
        return csv(outbox.resolve(base + ".results.csv"));
    }

    List<Map<String, String>> retries(String base) throws IOException {
        return csv(outbox.resolve(base + ".retry.csv"));
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        try (Reader reader = OutcomeFiles.reader(file)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
