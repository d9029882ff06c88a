package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/**
 * Route webex-post chooses a call's credentials only once the call holds its permits, so no wait for a permit can
 * outlast the ticket or token it carries: each call's steps, recorded in the order they ran on its exchange.
 */
class CredentialsAfterPermitRouteTest extends RouteTest {

    private static final String STEPS = "recordedSteps";

    @Override
    Map<String, String> settings() {
        // a ceiling that makes the calls wait for their permits
        return Map.of("webex.rate", "2", "webex.rate-period-ms", "50", "webex.account-rate", "1");
    }

    @Test
    void eachCallWaitsForItsPermitsBeforeItsCredentialsAreChosen() throws Exception {
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        AdviceWith.adviceWith(context, "webex-post", route -> {
            route.weaveByToString("SetProperty\\[PindropAccountPermit, .*").after()
                    .process(e -> step(e, "account permit"));
            route.weaveByToString("SetProperty\\[PindropCallPermit, .*").after().process(e -> step(e, "call permit"));
            route.weaveByToString("SetProperty\\[PindropCredentials, .*").after().process(e -> step(e, "credentials"));
            route.weaveByToString("to\\[direct:envelope]").after().process(e -> {
                step(e, "envelope");
                calls.add(steps(e));
                e.removeProperty(STEPS);
            });
        });
        start();

        JsonNode summary = run("pins.csv", Users.csv(Users.ids(6)));

        assertEquals(6, summary.get("counts").get("SUCCESS").asInt(), summary::toString);
        // the account's sign-in carries what it signs in with; its check (GetUser) and the six SetUser calls carry
        // the credentials chosen once they held their permits
        assertEquals(List.of(List.of("account permit", "call permit", "envelope")),
                calls.stream().filter(call -> !call.contains("credentials")).toList(), calls::toString);
        List<List<String>> withCredentials = calls.stream().filter(call -> call.contains("credentials")).toList();
        assertEquals(7, withCredentials.size(), calls::toString);
        withCredentials.forEach(call -> assertEquals(
                List.of("account permit", "call permit", "credentials", "envelope"), call));
    }

    private static void step(Exchange exchange, String step) {
        steps(exchange).add(step);
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Exchange exchange) {
        List<String> steps = exchange.getProperty(STEPS, List.class);
        if (steps == null) {
            steps = new ArrayList<>();
            exchange.setProperty(STEPS, steps);
        }
        return steps;
    }
}
