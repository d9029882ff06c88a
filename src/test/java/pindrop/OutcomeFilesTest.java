package pindrop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** What reporting systems and people open: Excel-safe results, the retry file as input, the HTML report. */
class OutcomeFilesTest extends SiteTest {

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .user("alice@acme.com").build().start();
        // one SetUser call per account: the rows after the first are DEFERRED and go to the retry file
        pindrop = RunningPindrop.against(simulator, root,
                Map.of("webex.account-quota", "1", "webex.account-wait", "0s", "webex.concurrency", "1"));
    }

    @Test
    void resultsOpenSafelyInExcelAndTheRetryFileKeepsTheInputAsItWas() throws Exception {
        pindrop.drop("pins.csv",
                "webExId,hostPIN,note\nalice@acme.com,4821,ok\n=1+2@acme.com,5931,-minus\n@sum@acme.com,6102,+plus\n");

        pindrop.awaitSummary("pins");
        byte[] results = Files.readAllBytes(pindrop.outbox.resolve("pins.results.csv"));

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(results, 3),
                "UTF-8 with a BOM");
        assertEquals(List.of("alice@acme.com", "'=1+2@acme.com", "'@sum@acme.com"),
                pindrop.results("pins").stream().map(r -> r.get("webExId")).toList(), "formulas neutralised");
        List<Map<String, String>> retry = pindrop.retries("pins");
        assertEquals(List.of("=1+2@acme.com", "@sum@acme.com"), retry.stream().map(r -> r.get("webExId")).toList());
        assertEquals(List.of("-minus", "+plus"), retry.stream().map(r -> r.get("note")).toList());
    }

    @Test
    void theHtmlReportListsEachFailureWithItsRows() throws Exception {
        pindrop.drop("mixed.csv", "webExId,hostPIN\nalice@acme.com,1234\nbob@acme.com,111\nalice@acme.com,5931\n");

        assertEquals("mixed.report.html", pindrop.awaitSummary("mixed").get("report").asText());
        String report = Files.readString(pindrop.outbox.resolve("mixed.report.html"));

        assertTrue(report.contains("simple sequence"), "the reason of row 2");
        assertTrue(report.contains("leading zero"), "the reason of row 3");
        assertTrue(report.contains("listed again"), "the reason of row 4");
    }
}
