package pindrop.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: the simulator started on a free loopback port with one site admin, the users of
 * {@code pindrop.simulator.users}, and the fault switches of {@code pindrop.simulator.*}; pindrop is pointed
 * at it through override properties, so no configured real site or account is ever used in this mode.
 */
public final class DemoSite implements Service {

    static final String SITE = "pindrop-demo";
    static final String ADMIN = "demo-admin@example.com";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);

    private final WebexSimulator simulator;
    private final String adminPassword;
    private final Function<String, Optional<String>> settings;

    private DemoSite(WebexSimulator simulator, String adminPassword, Function<String, Optional<String>> settings) {
        this.simulator = simulator;
        this.adminPassword = adminPassword;
        this.settings = settings;
    }

    public static DemoSite start(Function<String, Optional<String>> settings) throws IOException {
        String password = UUID.randomUUID().toString();
        WebexSimulator.Builder builder = WebexSimulator.builder().site(SITE).admin(ADMIN, password)
                .users(users(settings))
                .latency(Duration.ofMillis(number(settings, "latency-ms")));
        int quota = (int) number(settings, "set-user-quota");
        if (quota > 0) {
            builder.setUserQuota(quota);
        }
        int perMinute = (int) number(settings, "per-minute-limit");
        if (perMinute > 0) {
            builder.perMinuteLimit(perMinute);
        }
        builder.backendFaultRate(rate(settings, "backend-fault-rate"))
                .http503Rate(rate(settings, "http503-rate"))
                .resetRate(rate(settings, "reset-rate"));
        return new DemoSite(builder.build().start(), password, settings);
    }

    public URI endpoint() {
        return simulator.endpoint();
    }

    /** The properties that point pindrop at the simulator and stop the account list after the demo admin. */
    public Map<String, String> properties() {
        return Map.of("webex.site", SITE, "webex.url", endpoint().toString(),
                "webex.account.1.id", ADMIN, "webex.account.1.password", adminPassword,
                "webex.account.1.token", "", "webex.account.1.refresh-token", "", "webex.account.2.id", "");
    }

    /** Copies the sample spreadsheet into an inbox that has no input yet, so a newcomer sees an outcome at once. */
    public void dropSample(Path inbox) throws IOException {
        Optional<Path> sample = settings.apply("pindrop.simulator.sample").filter(s -> !s.isBlank()).map(Path::of);
        if (sample.isEmpty() || !Files.isRegularFile(sample.get()) || hasInput(inbox, inputPattern())) {
            return;
        }
        Files.createDirectories(inbox);
        Path target = inbox.resolve(sample.get().getFileName());
        Path staged = inbox.resolve("." + sample.get().getFileName() + ".copying");
        Files.copy(sample.get(), staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Demo: the inbox was empty, so {} was copied into it", sample.get());
    }

    @Override
    public void start() {
        // started by start(settings) already: the endpoint must be known before the routes are built
    }

    @Override
    public void stop() {
        simulator.close();
    }

    private Pattern inputPattern() {
        return Pattern.compile(settings.apply("pindrop.input-pattern").orElseThrow());
    }

    private static boolean hasInput(Path inbox, Pattern input) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.anyMatch(f -> input.matcher(f.getFileName().toString()).matches());
        }
    }

    private static List<String> users(Function<String, Optional<String>> settings) {
        Optional<Path> file = settings.apply("pindrop.simulator.users").filter(s -> !s.isBlank()).map(Path::of);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file.get())) {
            return lines.map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Function<String, Optional<String>> settings, String key) {
        return settings.apply("pindrop.simulator." + key).filter(s -> !s.isBlank()).map(Long::parseLong).orElse(0L);
    }

    private static double rate(Function<String, Optional<String>> settings, String key) {
        return settings.apply("pindrop.simulator." + key).filter(s -> !s.isBlank()).map(Double::parseDouble)
                .orElse(0.0);
    }
}
