package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import pindrop.simulator.WebexSimulator;

/**
 * deploy/kubernetes/ names only what pindrop has: its options, environment variables that are settings of
 * application.properties (or the accounts' and Camel main's secrets file), the exit codes --once ends with, and
 * probe paths a running pindrop answers on its status port. Secrets are mounted owner-only.
 */
class KubernetesManifestsTest {

    /** --once's exit codes (OnceMode, Pindrop). */
    private static final Set<Integer> EXIT_CODES = Set.of(0, 1, 2, 3);
    /** Read by pindrop though not in application.properties: the accounts, and Camel main's secrets files. */
    private static final Pattern OTHER_SETTINGS = Pattern.compile(
            "WEBEX_ACCOUNT_[1-9][0-9]*_(ID|PASSWORD|TOKEN)|CAMEL_MAIN_FILE_CONFIGURATIONS");

    @TempDir
    Path root;

    @Test
    void everyOptionEnvironmentVariableAndExitCodeIsPindrops() throws Exception {
        Set<String> settings = settings();
        List<Map<String, Object>> containers = containers();
        assertEquals(2, containers.size(), "the CronJob's and the Deployment's");
        for (Map<String, Object> container : containers) {
            List<String> args = strings(container.get("args"));
            PindropOptions.parse(args);
            for (Map<String, Object> env : maps(container.get("env"))) {
                String name = (String) env.get("name");
                assertTrue(settings.contains(name) || OTHER_SETTINGS.matcher(name).matches(),
                        name + " is no setting of pindrop's");
            }
            for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
                assertTrue(((String) mount.get("mountPath")).startsWith("/"), mount.toString());
            }
        }
        List<Integer> codes = new ArrayList<>();
        for (Map<String, Object> rule : maps(path(manifest("cronjob.yaml"), "spec", "jobTemplate", "spec",
                "podFailurePolicy", "rules"))) {
            for (Object code : (List<?>) path(rule, "onExitCodes", "values")) {
                codes.add((Integer) code);
            }
        }
        assertFalse(codes.isEmpty());
        assertTrue(EXIT_CODES.containsAll(codes), codes + " are --once's exit codes");
        assertEquals(List.of("--once"), strings(containers.get(0).get("args")));
    }

    @Test
    void secretsAreMountedOwnerOnly() throws Exception {
        for (String file : List.of("cronjob.yaml", "deployment.yaml")) {
            String text = Files.readString(Path.of("deploy/kubernetes", file));
            // YAML 1.1, as Kubernetes reads it: 0400 is octal (r--------); a YAML 1.2 reader sees the same digits
            assertTrue(Pattern.compile("secret:\\s+secretName: \\S+\\s+defaultMode: 0[46]00").matcher(text).find(),
                    file + " mounts its secret with defaultMode 0400 or 0600");
        }
    }

    @Test
    void theProbesAreAnsweredByARunningPindropOnItsPort() throws Exception {
        Map<String, Object> container = containers().get(1);
        int port = (Integer) maps(container.get("ports")).get(0).get("containerPort");
        Map<String, String> env = maps(container.get("env")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> (String) e.get("value")));
        assertEquals(Integer.toString(port), env.get("PINDROP_STATUS_PORT"));
        assertEquals("0.0.0.0", env.get("PINDROP_STATUS_HOST"), "the kubelet probes the pod's address");
        List<Map<String, Object>> probes = List.of(map(container.get("livenessProbe")), map(container.get("readinessProbe")));
        assertEquals(List.of("/observe/health/live", "/observe/health/ready"),
                probes.stream().map(p -> path(p, "httpGet", "path")).toList());
        probes.forEach(p -> assertEquals(port, path(p, "httpGet", "port")));

        // the same paths on a running pindrop (on a free port: 8080 is not the test's to take)
        StatusClient status = StatusClient.onFreePort();
        try (WebexSimulator simulator = WebexSimulator.builder().site(RunningPindrop.SITE)
                .admin("admin1@acme.com", "admin1-secret").build().start();
                RunningPindrop pindrop = RunningPindrop.against(simulator, root, status.properties())) {
            for (Map<String, Object> probe : probes) {
                String path = (String) path(probe, "httpGet", "path");
                await().atMost(Duration.ofSeconds(20)).until(() -> status.get(path).statusCode() == 200);
            }
        }
    }

    /** application.properties' keys as environment variables (upper case, . and - as _). */
    private static Set<String> settings() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> containers() throws IOException {
        return List.of(
                maps(path(manifest("cronjob.yaml"), "spec", "jobTemplate", "spec", "template", "spec", "containers")).get(0),
                maps(path(manifest("deployment.yaml"), "spec", "template", "spec", "containers")).get(0));
    }

    private static Map<String, Object> manifest(String name) throws IOException {
        return map(new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(Path.of("deploy/kubernetes", name))));
    }

    private static Object path(Map<String, Object> node, String... keys) {
        Object at = node;
        for (String key : keys) {
            at = map(at).get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static List<Map<String, Object>> maps(Object node) {
        return node == null ? List.of() : ((List<?>) node).stream().map(KubernetesManifestsTest::map).toList();
    }

    private static List<String> strings(Object node) {
        return node == null ? List.of() : ((List<?>) node).stream().map(String::valueOf).toList();
    }

}
