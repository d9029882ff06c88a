package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import pindrop.CannedWebex.Answer;
import pindrop.CannedWebex.Call;

/** A job on a folder of its own (routes/audio-pin.camel.yaml) on the kit: the example of README's "Adding a route with a test". */
class AudioPinRouteTest extends RouteTest {

    @Test
    void eachRowSetsItsUsersAudioPinAndAnUnknownUserIsAFailureOfItsRow() throws Exception {
        webex.answer("SetUser", Answer.success(), Answer.failure("030001", "Corresponding User not found"));
        start();

        JsonNode summary = runJob("audio-pin", "phones.csv", "webExId,PIN\nalice@acme.com,4821\nbob@acme.com,5821\n");

        assertEquals("audio-pin", summary.get("job").asText());
        assertEquals(1, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        assertEquals(1, summary.get("counts").get("FAILURE").asInt(), summary::toString);
        List<Call> setUsers = webex.calls().stream().filter(c -> c.operation().equals("SetUser")).toList();
        assertEquals(2, setUsers.size());
        assertEquals(null, setUsers.get(0).hostPin(), "an audio PIN job writes no host PIN");
    }
}
