package pindrop.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Real HTTP to the simulator, and the parts of its answers the tests look at. */
final class SimulatorClient {

    static final String SERV_NS = "http://www.webex.com/schemas/2002/06/service";
    static final String USE_NS = "http://www.webex.com/schemas/2002/06/service/user";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private final HttpClient http;
    private final URI endpoint;

    SimulatorClient(URI endpoint) {
        this(endpoint, HttpClient.newBuilder());
    }

    /** Over HTTPS, trusting what this context trusts and verifying the host name. */
    SimulatorClient(URI endpoint, SSLContext tls) {
        this(endpoint, HttpClient.newBuilder().sslContext(tls));
    }

    private SimulatorClient(URI endpoint, HttpClient.Builder http) {
        this.http = http.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.endpoint = endpoint;
    }

    /** One HTTP answer; the XML helpers parse the body as bytes, namespace-aware. */
    record Reply(int status, String contentType, byte[] body) {

        Document document() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            } catch (Exception e) {
                throw new AssertionError("answer is not XML: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String result() {
            return serv("result");
        }

        String exceptionId() {
            return serv("exceptionID");
        }

        /** Text of the first serv:NAME, or null. */
        String serv(String name) {
            return text(SERV_NS, name);
        }

        /** Text of the first use:NAME, or null. */
        String use(String name) {
            return text(USE_NS, name);
        }

        Element bodyContent() {
            return (Element) document().getElementsByTagNameNS(SERV_NS, "bodyContent").item(0);
        }

        private String text(String namespace, String name) {
            NodeList nodes = document().getElementsByTagNameNS(namespace, name);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }

    Reply post(String xml) throws IOException, InterruptedException {
        return post(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
    }

    /** @param contentType null sends no Content-Type at all */
    Reply post(byte[] body, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(body, contentType), HttpResponse.BodyHandlers.ofByteArray());
        return reply(response);
    }

    CompletableFuture<Reply> postAsync(String xml) {
        return http.sendAsync(request(xml.getBytes(StandardCharsets.UTF_8), "text/xml"),
                HttpResponse.BodyHandlers.ofByteArray()).thenApply(SimulatorClient::reply);
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        return reply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpRequest request(byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static Reply reply(HttpResponse<byte[]> response) {
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }
}
