package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that passes the account check, then answers SetUser with what the simulator never sends: an XXE
 * payload that would put /etc/passwd into the reason, or a redirect elsewhere. A few lines of JDK server do.
 */
class HostileAnswerTest {

    static final String SERVICE = "http://www.webex.com/schemas/2002/06/service";
    static final String SITE_ADMIN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><serv:message xmlns:serv=\"" + SERVICE
            + "\" xmlns:use=\"http://www.webex.com/schemas/2002/06/service/user\"><serv:header><serv:response>"
            + "<serv:result>SUCCESS</serv:result></serv:response></serv:header><serv:body><serv:bodyContent>"
            + "<use:privilege><use:siteAdmin>true</use:siteAdmin></use:privilege></serv:bodyContent></serv:body>"
            + "</serv:message>";
    static final String XXE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<!DOCTYPE serv:message [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><serv:message xmlns:serv=\""
            + SERVICE + "\"><serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>&e;"
            + "</serv:reason><serv:exceptionID>030001</serv:exceptionID></serv:response></serv:header></serv:message>";

    @TempDir
    Path root;
    HttpServer server;
    RunningPindrop pindrop;
    final AtomicInteger setUserCalls = new AtomicInteger();
    final AtomicInteger redirectedCalls = new AtomicInteger();
    /** How SetUser is answered: the XXE payload, or a 302 to another path. */
    boolean redirect;

    @AfterEach
    void stop() {
        pindrop.close();
        server.stop(0);
    }

    @Test
    void anAnswerCarryingAnExternalEntityIsRefusedAndItsRowIsError() throws Exception {
        start();

        pindrop.drop("pins.csv", Users.csv(List.of("alice@acme.com")));
        pindrop.awaitSummary("pins");

        Map<String, String> row = pindrop.results("pins").get(0);
        assertEquals("ERROR", row.get("status"), row::toString);
        assertEquals("the answer carries a DOCTYPE, which pindrop refuses", row.get("reason"));
        assertEquals("1", row.get("attempts"), "a refused answer is not asked again");
        assertEquals(1, setUserCalls.get());
        assertFalse(pindrop.results("pins").toString().contains("root:"));
    }

    /** A redirect means webex.url is wrong: followed, a call (with its credentials) would go where it points. */
    @Test
    void aRedirectIsReportedAndNotFollowed() throws Exception {
        redirect = true;
        start();

        pindrop.drop("pins.csv", Users.csv(List.of("alice@acme.com")));
        pindrop.awaitSummary("pins");

        Map<String, String> row = pindrop.results("pins").get(0);
        assertEquals("ERROR", row.get("status"), row::toString);
        assertEquals("HTTP 302 from Webex: check webex.url", row.get("reason"));
        assertEquals(1, setUserCalls.get());
        assertEquals(0, redirectedCalls.get());
    }

    private void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/WBXService/XMLService", this::answer);
        server.createContext("/elsewhere", call -> {
            redirectedCalls.incrementAndGet();
            call.sendResponseHeaders(404, -1);
            call.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/WBXService/XMLService");
        pindrop = RunningPindrop.against(endpoint, root, Map.of());
    }

    private void answer(HttpExchange call) throws IOException {
        String request = new String(call.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean setUser = request.contains("binding.user.SetUser");
        if (setUser) {
            setUserCalls.incrementAndGet();
        }
        if (setUser && redirect) {
            call.getResponseHeaders().set("Location", "/elsewhere");
            call.sendResponseHeaders(302, -1);
            call.close();
            return;
        }
        byte[] answer = (setUser ? XXE : SITE_ADMIN).getBytes(StandardCharsets.UTF_8);
        call.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        call.sendResponseHeaders(200, answer.length);
        try (OutputStream out = call.getResponseBody()) {
            out.write(answer);
        }
    }
}
