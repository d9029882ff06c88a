package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * The user-settings job (routes/user-settings.camel.yaml, xslt/user-settings.mapping.csv): columns named after
 * settings, a blank cell leaves a setting as it is, an unknown column rejects the file.
 */
class UserSettingsTest extends SiteTest {

    static final List<String> USERS = List.of("alice@acme.com", "bob@acme.com", "carol@acme.com", "dave@acme.com",
            "erin@acme.com");

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(USERS).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
    }

    @Test
    void setsEachNonBlankSettingAndLeavesBlankOnesUnchanged() throws Exception {
        // host PINs set earlier by the host PIN job
        pindrop.drop("pins.csv", "webExId,hostPIN\nalice@acme.com,4821\nbob@acme.com,5821\ncarol@acme.com,6821\n");
        pindrop.awaitSummary("pins");

        pindrop.drop("user-settings", "settings.csv", """
                webExId,Join Before Host,hostPIN,PIN,department
                alice@acme.com,TRUE,,2468,Sales
                bob@acme.com,no,7531,,Sales
                carol@acme.com,,,,Finance
                dave@acme.com,maybe,1234,,Finance
                erin@acme.com,1,,,Support
                """);

        JsonNode summary = pindrop.awaitSummary("settings");
        List<Map<String, String>> results = pindrop.results("settings");

        assertEquals("user-settings", summary.get("job").asText());
        assertEquals(List.of("SUCCESS", "SUCCESS", "INVALID", "INVALID", "SUCCESS"),
                results.stream().map(r -> r.get("status")).toList(), results.toString());
        assertEquals(Boolean.TRUE, simulator.joinBeforeHost("alice@acme.com"));
        assertEquals("4821", simulator.hostPin("alice@acme.com"), "a blank hostPIN leaves the host PIN as it was");
        assertEquals("2468", simulator.audioPin("alice@acme.com"));
        assertEquals(Boolean.FALSE, simulator.joinBeforeHost("bob@acme.com"));
        assertEquals("7531", simulator.hostPin("bob@acme.com"));
        assertNull(simulator.audioPin("bob@acme.com"), "a blank PIN sets no audio PIN");
        assertEquals("nothing to change: every setting of the row is blank", results.get(2).get("reason"));
        assertEquals("6821", simulator.hostPin("carol@acme.com"));
        String daveReason = results.get(3).get("reason");
        assertTrue(daveReason.contains("Join Before Host: must be true or false"), daveReason);
        assertTrue(daveReason.contains("hostPIN: PIN is a simple sequence"), daveReason);
        assertEquals(0, simulator.setUserCalls("dave@acme.com"), "an INVALID row is never sent");
        assertEquals(Boolean.TRUE, simulator.joinBeforeHost("erin@acme.com"));
        assertNull(simulator.hostPin("erin@acme.com"));
        await().until(() -> Files.exists(pindrop.inbox.resolve("user-settings/.done/settings.csv")));
    }

    @Test
    void readsExcelBooleansAndPinsTypedAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "pindrop-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            sheet.value(0, 0, "email");
            sheet.value(0, 1, "joinBeforeHost");
            sheet.value(0, 2, "PIN");
            sheet.value(1, 0, "alice@acme.com");
            sheet.value(1, 1, false);
            sheet.value(1, 2, 379);
            sheet.style(1, 2).format("0000").set();
        }
        pindrop.drop("user-settings", "settings.xlsx", out.toByteArray());

        assertEquals(1, pindrop.awaitSummary("settings").get("counts").get("SUCCESS").asInt());
        assertEquals(Boolean.FALSE, simulator.joinBeforeHost("alice@acme.com"));
        assertEquals("0379", simulator.audioPin("alice@acme.com"));
    }

    @Test
    void aColumnTheMappingDoesNotKnowRejectsTheFileAndNamesTheKnownColumns() throws Exception {
        pindrop.drop("user-settings", "settings.csv", "webExId,joinBeforeHost,hostPIN,colour\n"
                + "alice@acme.com,true,,red\n");

        JsonNode summary = pindrop.awaitSummary("settings");

        assertEquals("REJECTED", summary.get("status").asText());
        String reason = summary.get("reason").asText();
        assertTrue(reason.startsWith("settings.csv has a column this job does not know: colour."), reason);
        assertTrue(reason.contains("The columns it knows are webExId (the user), joinBeforeHost, hostPIN, PIN,"
                + " and it ignores department, name."), reason);
        assertTrue(reason.contains("user-settings.mapping.csv"), reason);
        assertEquals(0, simulator.setUserCalls("alice@acme.com"), "nothing of a rejected file is sent");
        await().until(() -> Files.exists(pindrop.inbox.resolve("user-settings/.failed/settings.csv")));
    }
}
