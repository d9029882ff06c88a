package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/**
 * A job whose stylesheet refuses a row (here: one without the Dept column it needs): each such row is an ERROR
 * naming the stylesheet and its reason, nothing is sent, and the account's quota is not spent on calls never made.
 */
class UnwritableRequestTest extends SiteTest {

    @Test
    void aRowItsStylesheetCannotWriteIsAnErrorAndCostsTheAccountNothing() throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com", "carol@acme.com")).build().start();
        Path routes = routesWithAJobOn(brokenStylesheet());
        // a quota of one call: had the broken rows counted, carol's row would find no account left (one row at a
        // time: a row's call counts until it is known unsent, so a second row at once would find the quota taken)
        pindrop = RunningPindrop.against(simulator, root, Map.of("pindrop.routes", routes.toString(),
                "webex.account-quota", "1", "webex.concurrency", "1"));

        pindrop.drop("broken", "broken.csv", "webExId,PIN\nalice@acme.com,4821\nbob@acme.com,5821\n");

        assertEquals(2, pindrop.awaitSummary("broken").get("counts").get("ERROR").asInt());
        for (Map<String, String> row : pindrop.results("broken")) {
            assertEquals("ERROR", row.get("status"));
            assertTrue(row.get("reason").contains("dept.xsl cannot write this row's request"), row.get("reason"));
            assertTrue(row.get("reason").contains("a row without Dept"), row.get("reason"));
            assertEquals("", row.get("account"));
            assertEquals("0", row.get("attempts"));
        }
        assertEquals(0, simulator.setUserCallsBy("admin1@acme.com"), "nothing was sent");

        pindrop.drop("pins.csv", "webExId,hostPIN\ncarol@acme.com,3951\n");

        assertEquals(1, pindrop.awaitSummary("pins").get("counts").get("SUCCESS").asInt());
    }

    /** A stylesheet that refuses a row without a Dept cell; relative to xslt/, as jobs name it. */
    private String brokenStylesheet() throws Exception {
        Path stylesheet = root.resolve("dept.xsl");
        Files.writeString(stylesheet, """
                <?xml version="1.0" encoding="UTF-8"?>
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:import href="%s"/>
                  <xsl:template match="/row">
                    <xsl:if test="not(cell[@name = 'Dept'])">
                      <xsl:message terminate="yes" error-code="NODEPT">a row without Dept</xsl:message>
                    </xsl:if>
                    <bodyContent/>
                  </xsl:template>
                </xsl:stylesheet>
                """.formatted(Path.of("xslt", "envelope.xsl").toUri()));
        return Path.of("xslt").toAbsolutePath().relativize(stylesheet).toString();
    }

    /** A copy of routes/ plus the job "broken" on inbox/broken with this stylesheet. */
    private Path routesWithAJobOn(String stylesheet) throws Exception {
        Path routes = JobFilesTest.copyOfRoutes(root);
        Files.writeString(routes.resolve("broken.camel.yaml"),
                JobFilesTest.brokenJob("valueColumn", "PIN", "stylesheet", stylesheet));
        return routes;
    }
}
