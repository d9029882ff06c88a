package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/**
 * Cells full of markup and control characters, in every column: each reaches Webex as literal text or makes
 * its row INVALID; none becomes structure of the SetUser request.
 */
class HostileCellsTest {

    static final String MARKUP_USER = "a@x.com</webExId><siteAdmin>TRUE";
    static final String FORGED_ROW = "\b\u000b\f</cell></row><row number=\"99\"><user>mallory@acme.com</user>"
            + "<value>5937</value></row><!--";

    /** User, PIN, note, then the expected status and a word of the expected reason. */
    static final List<List<String>> ROWS = List.of(
            List.of(MARKUP_USER, "4821", "\u0001\u0007\u001b[2J<note>&amp;]]>", "SUCCESS", ""),
            List.of("bob\u0007@acme.com", "5821", "bell", "INVALID", "control characters"),
            List.of("carol@acme.com\u001b[0m", "6821", "escape", "INVALID", "control characters"),
            List.of("dave@acme.com", "48</hostPIN><hostPIN>21", "pin markup", "INVALID", "other than 0-9"),
            List.of("frank@acme.com", "6048\u0001", "pin control", "INVALID", "other than 0-9"),
            List.of("erin@acme.com", "7148", FORGED_ROW, "SUCCESS", ""));

    WebexSimulator simulator;
    RunningPindrop pindrop;

    @AfterEach
    void stop() {
        pindrop.close();
        simulator.close();
    }

    @Test
    void markupAndControlCharactersStayTextOrMakeTheRowInvalid(@TempDir Path root) throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of(MARKUP_USER, "erin@acme.com", "mallory@acme.com", "dave@acme.com", "frank@acme.com"))
                .build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());

        pindrop.drop("pins.csv", csv());
        pindrop.awaitSummary("pins");

        List<Map<String, String>> results = pindrop.results("pins");
        assertEquals(ROWS.size(), results.size());
        for (int i = 0; i < ROWS.size(); i++) {
            assertEquals(ROWS.get(i).get(3), results.get(i).get("status"), results.get(i)::toString);
            assertTrue(results.get(i).get("reason").contains(ROWS.get(i).get(4)), results.get(i)::toString);
        }
        assertEquals("4821", simulator.hostPin(MARKUP_USER), "the markup reached Webex as one literal user id");
        assertEquals("7148", simulator.hostPin("erin@acme.com"));
        assertNull(simulator.hostPin("mallory@acme.com"), "a forged row in a cell is no row");
        assertNull(simulator.hostPin("dave@acme.com"));
        List<String> targets = simulator.calls().stream().filter(c -> c.operation().equals("SetUser"))
                .map(WebexSimulator.Call::targetUser).sorted().toList();
        assertEquals(List.of(MARKUP_USER, "erin@acme.com"), targets);
    }

    private static String csv() {
        StringBuilder csv = new StringBuilder("webExId,hostPIN,note\n");
        for (List<String> row : ROWS) {
            csv.append(quote(row.get(0))).append(',').append(quote(row.get(1))).append(',').append(quote(row.get(2)))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quote(String cell) {
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
