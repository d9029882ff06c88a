package pindrop.simulator;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the response documents in the shapes of webex-xml-api.md: a {@code serv:message} that declares the
 * serv, com and use namespaces, a {@code serv:header/serv:response} with result, reason, gsbStatus and
 * exceptionID, and a {@code serv:body/serv:bodyContent}. The writer escapes every value.
 */
final class ResponseWriter {

    /** Webex's own header value, for SUCCESS and FAILURE alike. */
    static final String CONTENT_TYPE = "text/xml;charset=UTF-8";
    static final String COM_NS = "http://www.webex.com/schemas/2002/06/common";
    static final String USE_NS = "http://www.webex.com/schemas/2002/06/service/user";
    private static final String SERV_NS = RequestParser.SERV_NS;
    private static final String XSI_NS = RequestParser.XSI_NS;

    /** Writes one part of a document: the inside of serv:message, or of a SUCCESS bodyContent. */
    @FunctionalInterface
    private interface XmlPart {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    byte[] failure(WebexError error) {
        return failure(error.exceptionId(), error.reason());
    }

    /** A FAILURE with any exceptionID, e.g. one a site-wide outage answers. */
    byte[] failure(String exceptionId, String reason) {
        return document(xml -> {
            writeHeader(xml, "FAILURE", exceptionId, reason);
            xml.writeStartElement("serv", "body", SERV_NS);
            xml.writeEmptyElement("serv", "bodyContent", SERV_NS);
            xml.writeEndElement();
        });
    }

    byte[] setUserResponse() {
        return success("use:setUserResponse", xml -> { });
    }

    byte[] authenticateUserResponse(String ticket, long createTimeMillis, long timeToLiveSeconds) {
        return success("use:authenticateUserResponse", xml -> {
            leaf(xml, "sessionTicket", ticket);
            leaf(xml, "createTime", String.valueOf(createTimeMillis));
            leaf(xml, "timeToLive", String.valueOf(timeToLiveSeconds));
        });
    }

    /** Never-set settings are left out; the password is masked as Webex masks it. */
    byte[] getUserResponse(UserDirectory.SiteUser user) {
        return success("use:getUserResponse", xml -> {
            leaf(xml, "webExId", user.id());
            leaf(xml, "email", user.id());
            leaf(xml, "password", "******");
            xml.writeStartElement("use", "phones", USE_NS);
            optionalLeaf(xml, "PIN", user.audioPin());
            xml.writeEndElement();
            xml.writeStartElement("use", "personalTeleconf", USE_NS);
            optionalLeaf(xml, "joinBeforeHost", user.joinBeforeHost());
            xml.writeEndElement();
            xml.writeStartElement("use", "privilege", USE_NS);
            leaf(xml, "host", "true");
            leaf(xml, "siteAdmin", String.valueOf(user.siteAdmin()));
            leaf(xml, "roSiteAdmin", "false");
            xml.writeEndElement();
            leaf(xml, "active", "ACTIVATED");
            xml.writeStartElement("use", "personalMeetingRoom", USE_NS);
            optionalLeaf(xml, "hostPIN", user.hostPin());
            xml.writeEndElement();
            xml.writeStartElement("use", "security", USE_NS);
            leaf(xml, "lockAccount", "false");
            xml.writeEndElement();
        });
    }

    private byte[] success(String bodyType, XmlPart content) {
        return document(xml -> {
            writeHeader(xml, "SUCCESS", null, null);
            xml.writeStartElement("serv", "body", SERV_NS);
            xml.writeStartElement("serv", "bodyContent", SERV_NS);
            xml.writeAttribute("xsi", XSI_NS, "type", bodyType);
            xml.writeNamespace("xsi", XSI_NS);
            content.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void writeHeader(XMLStreamWriter xml, String result, String exceptionId, String reason)
            throws XMLStreamException {
        xml.writeStartElement("serv", "header", SERV_NS);
        xml.writeStartElement("serv", "response", SERV_NS);
        servLeaf(xml, "result", result);
        if (exceptionId != null) {
            servLeaf(xml, "reason", reason);
        }
        servLeaf(xml, "gsbStatus", "PRIMARY");
        if (exceptionId != null) {
            servLeaf(xml, "exceptionID", exceptionId);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static byte[] document(XmlPart body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try {
            // a factory per document: XMLOutputFactory is not documented as thread-safe, and it is cheap
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("serv", "message", SERV_NS);
            xml.writeNamespace("serv", SERV_NS);
            xml.writeNamespace("com", COM_NS);
            xml.writeNamespace("use", USE_NS);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a response document", e);
        }
        return bytes.toByteArray();
    }

    private static void servLeaf(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("serv", name, SERV_NS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void leaf(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("use", name, USE_NS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void optionalLeaf(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value != null) {
            leaf(xml, name, value.toString());
        }
    }
}
