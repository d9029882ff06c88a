package pindrop;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import pindrop.simulator.WebexSimulator;

/**
 * {@code pindrop --once} as cron runs it: a separate JVM on the test classpath, configured only through its
 * environment (no WEBEX_* or CAMEL_* of the test's own environment leaks in), its output captured in a file.
 */
public final class PindropProcess {

    private final Path root;
    private final Path output;

    public PindropProcess(Path root) {
        this.root = root;
        this.output = root.resolve("pindrop.out");
    }

    /**
     * The environment of a pindrop on the simulated site with its one admin, no ceiling, Webex's minute shrunk
     * to 3 s as RunningPindrop shrinks it, and no pace until Webex says so: at the default pace (60 calls in the
     * first minute) a run of a few hundred rows would wait on the pace rather than on what the test is about.
     */
    static Map<String, String> oneAdminOf(WebexSimulator simulator) {
        return Map.of("WEBEX_SITE", "acme", "WEBEX_URL", simulator.endpoint().toString(),
                "WEBEX_ACCOUNT_1_ID", "admin1@acme.com", "WEBEX_ACCOUNT_1_PASSWORD", "admin1-secret",
                "WEBEX_RATE", "1000", "WEBEX_RATE_LIMIT_WINDOW", "3s", "WEBEX_RATE_LIMIT_PAUSE", "3s",
                "WEBEX_PACE_START", "1000");
    }

    /** Runs pindrop on {@code root}'s inbox, outbox and state with these environment variables and JVM options. */
    int runOnce(Map<String, String> env, List<String> jvmOptions) throws IOException, InterruptedException {
        return run(env, jvmOptions, List.of("--once"));
    }

    /** Runs pindrop with these options (its command line) until it exits. */
    public int run(Map<String, String> env, List<String> jvmOptions, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(testJvmOptions());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Pindrop.class.getName()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("WEBEX_") || name.startsWith("PINDROP_")
                || name.startsWith("CAMEL_"));
        environment.put("PINDROP_INBOX", root.resolve("inbox").toString());
        environment.put("PINDROP_OUTBOX", root.resolve("outbox").toString());
        environment.put("PINDROP_STATE", root.resolve("state").toString());
        environment.putAll(env);
        Process run = builder.start();
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("pindrop " + String.join(" ", options) + " did not exit; " + output());
        }
        return run.exitValue();
    }

    /** The -XX options of this test JVM (pom.xml's test.jvm): a pindrop a test starts lives as briefly. */
    static List<String> testJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(o -> o.startsWith("-XX:"))
                .toList();
    }

    /** Every line pindrop wrote to stdout and stderr. */
    public List<String> lines() throws IOException {
        return Files.readAllLines(output);
    }

    public String output() {
        try {
            return "pindrop's output:\n" + Files.readString(output);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
