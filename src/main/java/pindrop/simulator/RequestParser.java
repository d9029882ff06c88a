package pindrop.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns a request body into an {@link XmlRequest}, as strictly as the real server: the bytes must be
 * namespace-well-formed XML (an unbound {@code xsi} prefix fails), the root must be {@code serv:message}, and
 * the inner elements must be unprefixed. A DOCTYPE is refused outright, so no entity is ever expanded and no
 * external file or URL is ever read.
 */
final class RequestParser {

    static final String SERV_NS = "http://www.webex.com/schemas/2002/06/service";
    static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** Thrown for anything the real server answers with 000000. */
    static final class MalformedRequestException extends Exception {
        MalformedRequestException(String message) {
            super(message);
        }
    }

    private static final DocumentBuilderFactory FACTORY = secureFactory();

    /** DocumentBuilder is not thread-safe but is costly to make: one per handler thread. */
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(RequestParser::newBuilder);

    XmlRequest parse(byte[] body) throws MalformedRequestException {
        Element root = parseDocument(body).getDocumentElement();
        if (!SERV_NS.equals(root.getNamespaceURI()) || !"message".equals(root.getLocalName())) {
            throw new MalformedRequestException("root is not serv:message");
        }
        Element security = required(required(root, "header"), "securityContext");
        Element content = required(required(root, "body"), "bodyContent");

        String operation = operation(content.getAttributeNS(XSI_NS, "type"));
        boolean namesUser = operation.equals(XmlRequest.SET_USER) || operation.equals(XmlRequest.GET_USER);
        // AuthenticateUser with an OAuth access token carries it in the body, and no secret in the securityContext
        Element bodyToken = operation.equals(XmlRequest.AUTHENTICATE_USER) ? child(content, "accessToken") : null;
        return new XmlRequest(
                requiredText(security, "siteName"),
                firstText(security, "webExID", "email"),
                bodyToken != null
                        ? new XmlRequest.Credential(XmlRequest.SecretKind.ACCESS_TOKEN, bodyToken.getTextContent().strip())
                        : credential(security),
                operation,
                namesUser ? requiredText(content, "webExId") : "",
                operation.equals(XmlRequest.SET_USER) ? changes(content) : XmlRequest.Changes.NONE);
    }

    private Document parseDocument(byte[] body) throws MalformedRequestException {
        DocumentBuilder builder = builders.get();
        builder.reset();
        builder.setErrorHandler(SILENT);
        try {
            // bytes, not a String: the prolog's encoding declaration must be honoured
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new MalformedRequestException("not well-formed: " + e.getMessage());
        }
    }

    /** "java:com.webex.service.binding.user.SetUser" names the operation SetUser. */
    private static String operation(String xsiType) throws MalformedRequestException {
        String type = xsiType.strip();
        if (type.isEmpty()) {
            throw new MalformedRequestException("bodyContent has no xsi:type");
        }
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static XmlRequest.Credential credential(Element security) throws MalformedRequestException {
        for (XmlRequest.SecretKind kind : XmlRequest.SecretKind.values()) {
            Element element = child(security, switch (kind) {
                case PASSWORD -> "password";
                case ACCESS_TOKEN -> "webExAccessToken";
                case SESSION_TICKET -> "sessionTicket";
            });
            if (element != null) {
                return new XmlRequest.Credential(kind, element.getTextContent().strip());
            }
        }
        throw new MalformedRequestException("securityContext has no password, webExAccessToken or sessionTicket");
    }

    private static XmlRequest.Changes changes(Element content) throws MalformedRequestException {
        return new XmlRequest.Changes(
                nestedText(content, "personalMeetingRoom", "hostPIN"),
                nestedText(content, "phones", "PIN"),
                bool(nestedText(content, "personalTeleconf", "joinBeforeHost")));
    }

    /** xs:boolean as Webex writes it; anything else breaks the schema, which the server answers with 000000. */
    private static Boolean bool(String text) throws MalformedRequestException {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new MalformedRequestException("joinBeforeHost is not a boolean");
        };
    }

    /** Text of parent/outer/inner, or null when either element is absent. */
    private static String nestedText(Element parent, String outer, String inner) {
        Element outerElement = child(parent, outer);
        Element innerElement = outerElement == null ? null : child(outerElement, inner);
        return innerElement == null ? null : innerElement.getTextContent().strip();
    }

    private static String firstText(Element parent, String... names) throws MalformedRequestException {
        for (String name : names) {
            Element element = child(parent, name);
            if (element != null) {
                return element.getTextContent().strip();
            }
        }
        throw new MalformedRequestException("none of " + String.join(", ", names));
    }

    private static String requiredText(Element parent, String name) throws MalformedRequestException {
        return required(parent, name).getTextContent().strip();
    }

    private static Element required(Element parent, String name) throws MalformedRequestException {
        Element element = child(parent, name);
        if (element == null) {
            throw new MalformedRequestException("missing " + name);
        }
        return element;
    }

    /** The first child element with this local name and no namespace: the inner elements are unprefixed. */
    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getNamespaceURI() == null
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static DocumentBuilderFactory secureFactory() {
        // the JDK's own parser, whatever else is on the class path, so the feature names below are known
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses a security feature", e);
        }
        return factory;
    }

    private static DocumentBuilder newBuilder() {
        synchronized (FACTORY) {
            try {
                return FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The default handler prints every parse error to stderr; a bad request is an answer, not a log line. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make the request malformed
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };
}
