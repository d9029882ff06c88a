package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** CSV files as spreadsheet programs write them, through the real route. */
class CsvDialectTest extends SiteTest {

    @BeforeEach
    void start() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com")).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of());
    }

    @Test
    void utf8WithBomAndSemicolons() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write("Host PIN;User ID/Email;Name\n0482;alice@acme.com;Zoë\n5931;bob@acme.com;\"Smith; Bob\"\n"
                .getBytes(StandardCharsets.UTF_8));
        pindrop.drop("excel-eu.csv", file.toByteArray());

        assertAllSet("excel-eu");
    }

    @Test
    void crlfLineEndingsInWindowsEncoding() throws Exception {
        pindrop.drop("windows.csv", "webExId,hostPIN,Name\r\nalice@acme.com,0482,Müller\r\nbob@acme.com,5931,Jürgen\r\n"
                .getBytes(Charset.forName("windows-1252")));

        assertAllSet("windows");
        assertEquals(List.of(), pindrop.retries("windows"));
    }

    private void assertAllSet(String base) throws Exception {
        assertEquals(2, pindrop.awaitSummary(base).get("counts").get("SUCCESS").asInt(),
                () -> "results: " + resultsOf(base));
        assertEquals("0482", simulator.hostPin("alice@acme.com"));
        assertEquals("5931", simulator.hostPin("bob@acme.com"));
    }

    private String resultsOf(String base) {
        try {
            return pindrop.results(base).toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
