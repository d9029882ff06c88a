package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * Secrets in files, as Kubernetes and Docker mount them: Camel main's file configurations
 * ({@code CAMEL_MAIN_FILE_CONFIGURATIONS=/run/secrets/*.properties}), read by a separate pindrop process whose
 * environment holds no secret at all; a file others may read is used, with a warning that names it.
 */
class SecretsFileTest extends SiteTest {

    @Test
    void passwordsAndTokensComeFromSecretsFilesAndAFileOthersMayReadIsWarnedAbout() throws Exception {
        List<String> users = Users.ids(4);
        // admin1's budget ends after two calls, so admin2 (and its token) sets the other two PINs
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "file-password-1")
                .tokenAdmin("admin2@acme.com", "file-token-2").users(users).setUserQuota(2).build().start();
        Path secrets = Files.createDirectories(root.resolve("secrets"));
        Path ownerOnly = secrets.resolve("admin1.properties");
        Files.writeString(ownerOnly, "webex.account.1.password = file-password-1\n");
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rw-------"));
        Path groupReadable = secrets.resolve("admin2.properties");
        Files.writeString(groupReadable, "webex.account.2.token = file-token-2\n");
        Files.setPosixFilePermissions(groupReadable, PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/pins.csv"), Users.csv(users));

        PindropProcess once = new PindropProcess(root);
        int exit = once.runOnce(Map.of("CAMEL_MAIN_FILE_CONFIGURATIONS", secrets + "/*.properties",
                "WEBEX_SITE", RunningPindrop.SITE, "WEBEX_URL", simulator.endpoint().toString(),
                "WEBEX_ACCOUNT_1_ID", "admin1@acme.com", "WEBEX_ACCOUNT_2_ID", "admin2@acme.com",
                "WEBEX_RATE", "1000", "PINDROP_READ_LOCK_INTERVAL_MS", "100"), List.of());

        assertEquals(0, exit, once.output());
        JsonNode summary = new ObjectMapper().readTree(root.resolve("outbox/pins.summary.json").toFile());
        assertEquals(4, summary.get("counts").get("SUCCESS").asInt(), once::output);
        assertEquals(2, simulator.calls().stream().filter(c -> c.operation().equals("SetUser") && c.succeeded()
                && c.caller().equals("admin2@acme.com")).count(), "admin2 set two PINs with its token");
        List<String> warnings = once.lines().stream().filter(l -> l.contains(" WARN ")).toList();
        assertTrue(warnings.stream().anyMatch(l -> l.contains(groupReadable.toString())
                && l.contains("can be read by its group") && l.contains("chmod 600")), once::output);
        assertFalse(warnings.stream().anyMatch(l -> l.contains(ownerOnly.toString())), once::output);
    }
}
