package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/**
 * The status page in a real headless browser (Debian's chromium; .ci/run installs it, and without it this test
 * is skipped): loaded during a slow run, the progress and counts read from the page the browser built, and a
 * screenshot kept as a build artifact in target/status-page.png.
 */
class StatusPageInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "status-page.png");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path root;
    WebexSimulator simulator;
    RunningPindrop pindrop;

    @AfterEach
    void stop() {
        if (pindrop != null) {
            pindrop.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aBrowserShowsTheProgressAndCountsOfARunAndKeepsAScreenshot() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/run installs it)");
        List<String> users = Users.ids(60);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).latency(Duration.ofMillis(100)).build().start();
        StatusClient status = StatusClient.onFreePort();
        Map<String, String> properties = new LinkedHashMap<>(status.properties());
        properties.put("webex.concurrency", "1");
        pindrop = RunningPindrop.against(simulator, root, properties);

        pindrop.drop("pins.csv", Users.csv(users));
        await().atMost(Duration.ofSeconds(30)).until(() -> status.status().get("files").size() == 1
                && status.status().get("files").get(0).get("done").asInt() > 0);
        String dom = browse(chromium.get(), "--dump-dom", status.uri("/status").toString());
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        browse(chromium.get(), "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1200,800",
                status.uri("/status").toString());

        Matcher bar = Pattern.compile("<progress class=\"rows\" value=\"(\\d+)\" max=\"(\\d+)\"").matcher(dom);
        assertTrue(bar.find(), dom);
        int done = Integer.parseInt(bar.group(1));
        assertEquals(60, Integer.parseInt(bar.group(2)), dom);
        assertTrue(done > 0 && done < 60, "the page shows the run under way: " + done);
        Map<String, Integer> counts = counts(dom);
        assertEquals(List.of("SUCCESS", "FAILURE", "INVALID", "DEFERRED", "ERROR"), new ArrayList<>(counts.keySet()));
        // rows are counted right after they are written, so a count may lag the bar by the one row in flight
        assertTrue(counts.get("SUCCESS") == done || counts.get("SUCCESS") == done - 1, counts + " at " + done);
        assertTrue(dom.contains("pins.csv") && dom.contains("ready, in use"), dom);
        assertArrayEquals(PNG, Arrays.copyOf(Files.readAllBytes(SCREENSHOT), PNG.length), "a PNG screenshot");
        pindrop.awaitSummary("pins");
    }

    /** Runs chromium headless on a loopback URL; returns what it printed (the DOM with --dump-dom). */
    private String browse(Path chromium, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(root, "chromium")));
        command.addAll(List.of(arguments));
        assertTrue(command.get(command.size() - 1).startsWith("http://127.0.0.1:"), "only pindrop's own page");
        Path out = Files.createTempFile(root, "chromium", ".out");
        Process browser = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(root.resolve("chromium.log").toFile()).start();
        if (!browser.waitFor(60, TimeUnit.SECONDS)) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        assertEquals(0, browser.exitValue(), () -> log("chromium.log"));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> counts(String dom) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher cell = Pattern.compile("data-status=\"(\\w+)\">(\\d+)<").matcher(dom);
        while (cell.find()) {
            counts.put(cell.group(1), Integer.parseInt(cell.group(2)));
        }
        return counts;
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }

    private String log(String name) {
        try {
            return Files.readString(root.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
