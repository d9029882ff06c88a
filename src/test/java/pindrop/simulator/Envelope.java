package pindrop.simulator;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Well-formed request documents for tests, written with a real XML writer in the shape of the spec. */
final class Envelope {

    private static final String SERV_NS = "http://www.webex.com/schemas/2002/06/service";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private String site = "acme";
    private String callerElement = "webExID";
    private final String caller;
    private String secretElement = "password";
    private final String secret;
    private String operation = "SetUser";
    private String target;
    private String hostPin;
    private String audioPin;
    private String joinBeforeHost;

    private Envelope(String caller, String secret) {
        this.caller = caller;
        this.secret = secret;
    }

    /** A caller that authenticates with a password; see {@link #token()} and {@link #ticket()}. */
    static Envelope as(String caller, String secret) {
        return new Envelope(caller, secret);
    }

    Envelope token() {
        secretElement = "webExAccessToken";
        return this;
    }

    Envelope ticket() {
        secretElement = "sessionTicket";
        return this;
    }

    Envelope byEmail() {
        callerElement = "email";
        return this;
    }

    Envelope site(String site) {
        this.site = site;
        return this;
    }

    Envelope setUser(String target) {
        return operation("SetUser", target);
    }

    Envelope getUser(String target) {
        return operation("GetUser", target);
    }

    Envelope operation(String operation, String target) {
        this.operation = operation;
        this.target = target;
        return this;
    }

    Envelope hostPin(String pin) {
        hostPin = pin;
        return this;
    }

    Envelope audioPin(String pin) {
        audioPin = pin;
        return this;
    }

    Envelope joinBeforeHost(String value) {
        joinBeforeHost = value;
        return this;
    }

    String xml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("serv", "message", SERV_NS);
            xml.writeNamespace("serv", SERV_NS);
            xml.writeNamespace("xsi", XSI_NS);
            xml.writeStartElement("header");
            xml.writeStartElement("securityContext");
            leaf(xml, "siteName", site);
            leaf(xml, callerElement, caller);
            leaf(xml, secretElement, secret);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            xml.writeStartElement("bodyContent");
            xml.writeAttribute("xsi", XSI_NS, "type", "java:com.webex.service.binding.user." + operation);
            leaf(xml, "webExId", target);
            nested(xml, "personalMeetingRoom", "hostPIN", hostPin);
            nested(xml, "phones", "PIN", audioPin);
            nested(xml, "personalTeleconf", "joinBeforeHost", joinBeforeHost);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void nested(XMLStreamWriter xml, String outer, String inner, String text)
            throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(outer);
            leaf(xml, inner, text);
            xml.writeEndElement();
        }
    }

    private static void leaf(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }
}
