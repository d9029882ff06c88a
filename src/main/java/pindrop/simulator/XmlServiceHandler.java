package pindrop.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of the endpoint: reads the body whatever its Content-Type, lets {@link XmlService} decide,
 * records the call, waits the simulated latency, then answers, or drops the connection for a reset fault.
 */
final class XmlServiceHandler implements HttpHandler {

    static final String PATH = "/WBXService/XMLService";

    /** Bodies are cut here; a cut document is not well-formed, so it is answered 000000 like any other. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final XmlService service;
    private final CallLog log;
    private final Duration latency;
    private final Duration jitter;
    private final Clock clock;

    XmlServiceHandler(XmlService service, CallLog log, Duration latency, Duration jitter, Clock clock) {
        this.service = service;
        this.log = log;
        this.latency = latency;
        this.jitter = jitter;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            Instant arrival = clock.instant();
            XmlService.Answer answer = answer(exchange);
            log.add(call(arrival, answer));
            // sleeping here holds this pool thread, which is why the pool is as large as the concurrency tested
            Thread.sleep(latencyMillis());
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is closing: drop the connection
        } catch (IOException e) {
            // the client went away; there is no one left to answer
        } finally {
            exchange.close(); // before any response was sent, this closes the connection: the reset fault
        }
    }

    private long latencyMillis() {
        long spread = jitter.toMillis();
        return spread == 0 ? latency.toMillis()
                : Math.max(0, latency.toMillis() + ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    }

    private XmlService.Answer answer(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            return XmlService.Answer.status(null, 404);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return XmlService.Answer.status(null, 405);
        }
        return service.answer(exchange.getRequestBody().readNBytes(MAX_BODY_BYTES));
    }

    private static WebexSimulator.Call call(Instant arrival, XmlService.Answer answer) {
        XmlRequest request = answer.request();
        return request == null
                ? new WebexSimulator.Call(arrival, "", "", "", answer.exceptionId(), answer.httpStatus())
                : new WebexSimulator.Call(arrival, request.callerId(), request.operation(), request.targetUser(),
                        answer.exceptionId(), answer.httpStatus());
    }

    private static void send(HttpExchange exchange, XmlService.Answer answer) throws IOException {
        if (answer.httpStatus() == XmlService.Answer.RESET) {
            return;
        }
        if (answer.xml() == null) {
            exchange.sendResponseHeaders(answer.httpStatus(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", ResponseWriter.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.httpStatus(), answer.xml().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(answer.xml());
        }
    }
}
