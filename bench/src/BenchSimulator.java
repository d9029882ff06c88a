import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import pindrop.simulator.WebexSimulator;

/**
 * The simulator as its own process, like {@code WebexSimulator.main}, but able to hand out the arrival time of
 * every call, which the throttle benchmark needs and {@code main} cannot export. It uses only the simulator's
 * public API ({@code builder()...build().start()}, {@code calls()}).
 *
 * <pre>java -cp bench-classes:target/pindrop.jar BenchSimulator PORT LATENCY_MS ADMIN_ID ADMIN_PASSWORD</pre>
 * serves site acme with every plausible user. Commands on stdin, one a line:
 * {@code arrivals FILE} writes one line per call so far, {@code EPOCH_MICROS OPERATION HTTP_STATUS EXCEPTION_ID},
 * in arrival order, then prints {@code ARRIVALS n}; end of input stops the simulator.
 */
public final class BenchSimulator {

    public static void main(String[] args) throws Exception {
        WebexSimulator simulator = WebexSimulator.builder()
                .port(Integer.parseInt(args[0]))
                .latency(Duration.ofMillis(Long.parseLong(args[1])))
                .site("acme")
                .admin(args[2], args[3])
                .anyUser(true)
                .build()
                .start();
        System.out.println("Webex simulator for site acme at " + simulator.endpoint());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.startsWith("arrivals ")) {
                var calls = simulator.calls().stream()
                        .sorted((a, b) -> a.arrival().compareTo(b.arrival())).toList();
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(line.substring(9).trim())))) {
                    for (WebexSimulator.Call call : calls) {
                        Instant at = call.arrival();
                        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
                        out.println(micros + " " + call.operation() + " " + call.httpStatus() + " "
                                + (call.exceptionId().isEmpty() ? "-" : call.exceptionId()));
                    }
                }
                System.out.println("ARRIVALS " + calls.size());
            }
        }
        simulator.close();
    }
}
