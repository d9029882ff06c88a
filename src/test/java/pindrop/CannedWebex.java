package pindrop;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stands in for the HTTP endpoint of the {@code webex-post} route (see {@link RouteTest}): reads each request
 * with a real XML parser and answers what the test scripted, by operation, by caller and by call count. An
 * operation with no script answers SUCCESS (GetUser: a site admin; AuthenticateUser: a new session ticket for the
 * caller, {@code ticket-CALLER-N}, as Webex writes it). Every call is kept for the test to read, with the session
 * ticket it carried.
 */
final class CannedWebex implements Processor {

    static final String SERV_NS = "http://www.webex.com/schemas/2002/06/service";
    private static final String USE_NS = "http://www.webex.com/schemas/2002/06/service/user";
    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final DocumentBuilderFactory PARSER = parser();

    /**
     * What the stand-in answers: an HTTP status and, on 200, a Webex result (a GetUser success shows whether
     * the caller is a site admin); HTTP status 0 is a connection reset, no answer at all.
     */
    record Answer(int http, String exceptionId, String reason, boolean siteAdmin) {

        static Answer success() {
            return new Answer(200, null, null, true);
        }

        /** GetUser's answer for an account that is no site admin. */
        static Answer notAdmin() {
            return new Answer(200, null, null, false);
        }

        static Answer failure(String exceptionId, String reason) {
            return new Answer(200, exceptionId, reason, false);
        }

        static Answer http(int status) {
            return new Answer(status, null, null, false);
        }

        static Answer reset() {
            return new Answer(0, null, null, false);
        }

        /** This answer {@code count} times, then {@code then}. */
        Answer[] times(int count, Answer then) {
            Answer[] answers = new Answer[count + 1];
            Arrays.fill(answers, this);
            answers[count] = then;
            return answers;
        }

        boolean succeeds() {
            return http == 200 && exceptionId == null;
        }
    }

    /**
     * One request as it arrived (with the host PIN a SetUser sets and the session ticket it carried, if any), and
     * what it got.
     */
    record Call(String operation, String caller, String targetUser, String hostPin, String ticket, Answer answer) {
    }

    private record Key(String operation, String caller) {
    }

    private final Map<Key, List<Answer>> scripts = new HashMap<>();
    private final Map<Key, Integer> counts = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    /** The session tickets issued so far, by caller (the last one is the caller's current ticket). */
    private final Map<String, List<String>> tickets = new HashMap<>();

    /**
     * The answers to an operation's calls by anyone, in the order the calls come; the last one repeats.
     * {@code operation} is the simple name of the request's type, e.g. {@code SetUser}.
     */
    synchronized CannedWebex answer(String operation, Answer... inOrder) {
        return answer(operation, null, inOrder);
    }

    /** The same for one caller's calls only; a caller's script wins over the one for anyone. */
    synchronized CannedWebex answer(String operation, String caller, Answer... inOrder) {
        scripts.put(new Key(operation, caller), List.of(inOrder));
        return this;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Document request;
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            request = PARSER.newDocumentBuilder().parse(body);
        }
        Element security = first(request.getDocumentElement(), "securityContext");
        Element content = first(request.getDocumentElement(), "bodyContent");
        String caller = text(security, "webExID");
        String type = content.getAttributeNS(XSI_NS, "type");
        String operation = type.substring(type.lastIndexOf('.') + 1);
        Answer answer = next(operation, caller == null ? text(security, "email") : caller);
        String issued = null;
        synchronized (this) {
            calls.add(new Call(operation, caller, Objects.requireNonNullElse(text(content, "webExId"), ""),
                    text(content, "hostPIN"), text(security, "sessionTicket"), answer));
            if (operation.equals("AuthenticateUser") && answer.succeeds()) {
                List<String> callers = tickets.computeIfAbsent(caller, c -> new ArrayList<>());
                issued = "ticket-" + caller + "-" + (callers.size() + 1);
                callers.add(issued);
            }
        }
        if (answer.http() == 0) {
            throw new SocketException("Connection reset (canned)");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.http());
        exchange.getMessage().setBody(answer.http() == 200 ? response(operation, answer, issued) : new byte[0]);
    }

    /** The session tickets issued to a caller so far, oldest first. */
    synchronized List<String> tickets(String caller) {
        return List.copyOf(tickets.getOrDefault(caller, List.of()));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one operation by one caller that got one answer. */
    synchronized long calls(String operation, String caller, Answer answer) {
        return calls.stream().filter(c -> c.operation().equals(operation) && c.caller().equals(caller)
                && c.answer().equals(answer)).count();
    }

    /** The calls of one operation by one caller. */
    synchronized long calls(String operation, String caller) {
        return calls.stream().filter(c -> c.operation().equals(operation) && c.caller().equals(caller)).count();
    }

    /** Each target user's SetUser calls, in the order they came. */
    synchronized Map<String, List<Answer>> setUserAnswersByUser() {
        Map<String, List<Answer>> byUser = new LinkedHashMap<>();
        calls.stream().filter(c -> c.operation().equals("SetUser"))
                .forEach(c -> byUser.computeIfAbsent(c.targetUser(), u -> new ArrayList<>()).add(c.answer()));
        return byUser;
    }

    private synchronized Answer next(String operation, String caller) {
        Key key = scripts.containsKey(new Key(operation, caller)) ? new Key(operation, caller) : new Key(operation, null);
        List<Answer> script = scripts.get(key);
        if (script == null) {
            return Answer.success();
        }
        int n = counts.merge(key, 1, Integer::sum) - 1;
        return script.get(Math.min(n, script.size() - 1));
    }

    /**
     * The answer as Webex writes it, with a real XML writer; a GetUser success shows a site admin, an
     * AuthenticateUser success its session ticket (a use:authenticateUserResponse).
     */
    private static byte[] response(String operation, Answer answer, String ticket) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("serv", SERV_NS);
        xml.setPrefix("use", USE_NS);
        xml.writeStartElement(SERV_NS, "message");
        xml.writeNamespace("serv", SERV_NS);
        xml.writeNamespace("use", USE_NS);
        xml.writeStartElement(SERV_NS, "header");
        xml.writeStartElement(SERV_NS, "response");
        leaf(xml, SERV_NS, "result", answer.succeeds() ? "SUCCESS" : "FAILURE");
        if (!answer.succeeds()) {
            leaf(xml, SERV_NS, "reason", answer.reason());
        }
        leaf(xml, SERV_NS, "gsbStatus", "PRIMARY");
        if (!answer.succeeds()) {
            leaf(xml, SERV_NS, "exceptionID", answer.exceptionId());
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement(SERV_NS, "body");
        xml.writeStartElement(SERV_NS, "bodyContent");
        if (ticket != null) {
            xml.writeNamespace("xsi", XSI_NS);
            xml.writeAttribute("xsi", XSI_NS, "type", "use:authenticateUserResponse");
        }
        if (answer.succeeds() && operation.equals("GetUser")) {
            xml.writeStartElement(USE_NS, "privilege");
            leaf(xml, USE_NS, "siteAdmin", Boolean.toString(answer.siteAdmin()));
            xml.writeEndElement();
        }
        if (ticket != null) {
            leaf(xml, USE_NS, "sessionTicket", ticket);
            leaf(xml, USE_NS, "createTime", Long.toString(System.currentTimeMillis()));
            leaf(xml, USE_NS, "timeToLive", "5400");
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return bytes.toByteArray();
    }

    private static void leaf(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static Element first(Element parent, String localName) {
        Node found = parent.getElementsByTagNameNS("*", localName).item(0);
        if (found == null) {
            throw new IllegalArgumentException("the request has no " + localName);
        }
        return (Element) found;
    }

    private static String text(Element parent, String localName) {
        Node found = parent.getElementsByTagName(localName).item(0);
        return found == null ? null : found.getTextContent().trim();
    }

    private static DocumentBuilderFactory parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
