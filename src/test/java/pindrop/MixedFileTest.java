package pindrop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pindrop.simulator.WebexSimulator;

/** A spreadsheet with good rows and every kind of bad row, as CSV and as XLSX, through the real route. */
class MixedFileTest extends SiteTest {

    static final String INJECTION = "a@x.com</webExId><siteAdmin>TRUE</siteAdmin>";

    /** Row by row: user, PIN, department, then the expected status and a word of the expected reason. */
    static final List<List<String>> ROWS = List.of(
            List.of("alice@acme.com", "4821", "Sales", "SUCCESS", ""),
            List.of("bob@acme.com", "0379", "Sales", "SUCCESS", ""),
            List.of("carol@acme.com", "1111", "Finance", "INVALID", "repeated digit"),
            List.of("dave@acme.com", "1234", "Finance", "INVALID", "sequence"),
            List.of("erin@acme.com", "4321", "Support", "INVALID", "sequence"),
            List.of("frank@acme.com", "7890", "Support", "INVALID", "sequence"),
            List.of("grace@acme.com", "379", "Support", "INVALID", "leading zero"),
            List.of("ghost@acme.com", "5521", "Support", "FAILURE", "not found"),
            List.of("alice@acme.com", "6120", "Sales", "INVALID", "row 2"),
            List.of(INJECTION, "8642", "Evil", "FAILURE", "not found"),
            List.of("", "5521", "Nobody", "INVALID", "user id is empty"),
            List.of("heidi@acme.com", "12a4", "Sales", "INVALID", "other than 0-9"),
            List.of("ivan@acme.com", "8264", "Dept, with \"comma\"", "SUCCESS", ""));

    static final Map<String, String> PINS_SET = Map.of(
            "alice@acme.com", "4821", "bob@acme.com", "0379", "ivan@acme.com", "8264");

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com", "carol@acme.com", "dave@acme.com", "erin@acme.com",
                        "frank@acme.com", "grace@acme.com", "heidi@acme.com", "ivan@acme.com"))
                .build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void everyRowGetsItsOutcomeAndOnlyValidRowsReachWebex(String format) throws Exception {
        pindrop.drop("pins." + format, format.equals("csv") ? csv() : xlsx());

        JsonNode summary = pindrop.awaitSummary("pins");
        List<Map<String, String>> results = pindrop.results("pins");

        assertEquals("COMPLETED", summary.get("status").asText());
        assertEquals(ROWS.size(), summary.get("rows").asInt());
        assertEquals(ROWS.size(), results.size());
        for (int i = 0; i < ROWS.size(); i++) {
            List<String> expected = ROWS.get(i);
            Map<String, String> result = results.get(i);
            assertEquals(String.valueOf(i + 2), result.get("row"), "spreadsheet row number");
            assertEquals(expected.get(0), result.get("webExId"));
            assertEquals(expected.get(3), result.get("status"), "status of row " + (i + 2) + ": " + result);
            assertTrue(result.get("reason").contains(expected.get(4)), "reason of row " + (i + 2) + ": " + result);
            boolean sent = !expected.get(3).equals("INVALID");
            assertEquals(sent ? "1" : "0", result.get("attempts"), "attempts of row " + (i + 2));
            assertEquals(sent ? "admin1@acme.com" : "", result.get("account"));
        }
        assertEquals("030001", results.get(7).get("exceptionId"));
        assertEquals(3, summary.get("counts").get("SUCCESS").asInt());
        assertEquals(2, summary.get("counts").get("FAILURE").asInt());
        assertEquals(8, summary.get("counts").get("INVALID").asInt());
        assertTrue(pindrop.retries("pins").isEmpty());
        // the input moves once its outcome files are out
        await().until(() -> Files.exists(pindrop.inbox.resolve(".done/pins." + format)));

        PINS_SET.forEach((user, pin) -> assertEquals(pin, simulator.hostPin(user), user));
        assertEquals(1, simulator.setUserCalls("alice@acme.com"), "a duplicate row is never sent");
        for (String user : List.of("carol@acme.com", "dave@acme.com", "erin@acme.com", "frank@acme.com",
                "grace@acme.com", "heidi@acme.com")) {
            assertEquals(0, simulator.setUserCalls(user), user + " had an INVALID row and must not be sent");
            assertNull(simulator.hostPin(user));
        }
        assertEquals(1, simulator.setUserCalls(INJECTION), "the injected markup reached Webex as a literal user id");
    }

    static byte[] csv() {
        StringBuilder csv = new StringBuilder("webExId,hostPIN,department\n");
        for (List<String> row : ROWS) {
            csv.append(quote(row.get(0))).append(',').append(row.get(1)).append(',').append(quote(row.get(2)))
                    .append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The same rows as an Excel user makes them: PINs typed as numbers, 0379 kept by a "0000" format. */
    static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "pindrop-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            sheet.value(0, 0, "WebExID");
            sheet.value(0, 1, "Host PIN");
            sheet.value(0, 2, "department");
            for (int i = 0; i < ROWS.size(); i++) {
                List<String> row = ROWS.get(i);
                sheet.value(i + 1, 0, row.get(0));
                String pin = row.get(1);
                if (pin.matches("\\d+")) {
                    sheet.value(i + 1, 1, Integer.parseInt(pin));
                    if (pin.length() == 4 && pin.startsWith("0")) {
                        sheet.style(i + 1, 1).format("0000").set();
                    }
                } else {
                    sheet.value(i + 1, 1, pin);
                }
                sheet.value(i + 1, 2, row.get(2));
            }
        }
        return out.toByteArray();
    }

    private static String quote(String cell) {
        return cell.matches(".*[,\"<].*") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
