package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.simulator.WebexSimulator;

/** A site whose host PINs have 6 digits (pindrop.host-pin-length): the host PIN rule follows it. */
class HostPinLengthTest extends SiteTest {

    @Test
    void sixDigitPinsAreSetAndOthersAreInvalidNamingTheSitesLength() throws Exception {
        List<String> users = Users.ids(6);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).hostPinLength(6).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("pindrop.host-pin-length", "6"));

        pindrop.drop("pins.csv", "webExId,hostPIN\n"
                + users.get(0) + ",583614\n"
                + users.get(1) + ",720953\n"
                + users.get(2) + ",5836\n"      // the old 4 digits
                + users.get(3) + ",83614\n"     // 083614 that lost its zero
                + users.get(4) + ",777777\n"    // repeated digit
                + users.get(5) + ",345678\n");  // a run

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(2, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(4, summary.get("counts").get("INVALID").asInt(), summary::toString);
        assertEquals("583614", simulator.hostPin(users.get(0)));
        List<Map<String, String>> rows = pindrop.results("pins");
        assertEquals(6, rows.size());
        assertEquals("PIN has 4 digits, 6 are needed (the site's host PIN length)", rows.get(2).get("reason"));
        assertEquals("PIN has 5 digits, 6 are needed (the site's host PIN length): the spreadsheet probably dropped"
                + " a leading zero (format the column as text)", rows.get(3).get("reason"));
        assertEquals("PIN is one repeated digit, which Webex refuses", rows.get(4).get("reason"));
        assertEquals("PIN is a simple sequence, which Webex refuses", rows.get(5).get("reason"));
        assertNull(simulator.hostPin(users.get(2)), "an INVALID row is never sent");
        assertEquals(2, simulator.calls().stream().filter(c -> c.operation().equals("SetUser")).count());
    }

    @Test
    void theAudioPinStaysFourDigitsOnASiteOfSixDigitHostPins() throws Exception {
        List<String> users = Users.ids(2);
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(users).hostPinLength(6).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of("pindrop.host-pin-length", "6"));

        pindrop.drop("audio-pin", "pins.csv", "webExId,PIN\n" + users.get(0) + ",5836\n" + users.get(1) + ",583614\n");

        JsonNode summary = pindrop.awaitSummary("pins");
        assertEquals(1, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals("5836", simulator.audioPin(users.get(0)));
        assertEquals("PIN has 6 digits, 4 are needed", pindrop.results("pins").get(1).get("reason"));
    }
}
