package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The stylesheets of xslt/ produce the envelope of the API facts, byte for byte after canonicalisation. */
class EnvelopeTest {

    private final Processor saxon = new Processor(false);

    @Test
    void hostPinEnvelopeWithPassword() throws Exception {
        String envelope = envelope("user@acme.com", Map.of("site", "acme", "callerId", "siteadmin@acme.com",
                "callerPassword", "secret", "callerToken", ""));

        assertEquals(canonical(golden("setuser-hostpin.xml")), canonical(envelope.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokenAccountAndMarkupInTheUserIdStayText() throws Exception {
        String envelope = envelope(MixedFileTest.INJECTION, Map.of("site", "acme", "callerId", "siteadmin@acme.com",
                "callerPassword", "", "callerToken", "tok&en"));

        assertEquals(canonical(golden("setuser-hostpin-token.xml")),
                canonical(envelope.getBytes(StandardCharsets.UTF_8)));
    }

    private String envelope(String user, Map<String, String> params) throws Exception {
        String row = "<row number=\"2\"><user/><value>3421</value></row>";
        Document rowDoc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(row)));
        rowDoc.getElementsByTagName("user").item(0).setTextContent(user);
        return transform("xslt/setuser-hostpin.xsl", new DOMSource(rowDoc), params);
    }

    private String transform(String stylesheet, Source input, Map<String, String> params)
            throws Exception {
        XsltCompiler compiler = saxon.newXsltCompiler();
        Xslt30Transformer transformer = compiler.compile(new StreamSource(new File(stylesheet))).load30();
        Map<QName, XdmValue> values = new HashMap<>();
        params.forEach((k, v) -> values.put(new QName(k), new XdmAtomicValue(v)));
        transformer.setStylesheetParameters(values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Serializer serializer = saxon.newSerializer(out);
        transformer.transform(input, serializer);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] golden(String name) throws Exception {
        try (InputStream in = EnvelopeTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Inclusive C14N after dropping comments and indentation, which carry no meaning in the envelope. */
    private static String canonical(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        stripIndentation(doc.getDocumentElement());
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(serialized));
        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
        c14n.init(null);
        OctetStreamData data = (OctetStreamData) c14n.transform(
                new OctetStreamData(new ByteArrayInputStream(serialized.toByteArray())), null);
        return new String(data.getOctetStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void stripIndentation(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                stripIndentation(child);
            }
            child = next;
        }
    }
}
