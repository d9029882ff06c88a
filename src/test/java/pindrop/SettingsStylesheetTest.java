package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.StringReader;

import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.streams.Steps;
import org.junit.jupiter.api.Test;

/** xslt/setuser-settings.xsl: a row's settings become SetUser elements, each parent once, in mapping order. */
class SettingsStylesheetTest {

    @Test
    void eachSettingGoesUnderItsParentAndAParentComesOnce() throws Exception {
        String body = transform("""
                <row number="2"><user>a&lt;b@acme.com</user><value/><cell name="hostPIN"></cell>\
                <setting element="personalTeleconf/joinBeforeHost">true</setting>\
                <setting element="phones/PIN">0379</setting>\
                <setting element="personalTeleconf/account/tollFreeNumber">1&amp;2</setting>\
                <setting element="firstName">Ann</setting></row>""");

        // the envelope's namespaces are in scope where the bodyContent sits
        assertEquals("<bodyContent xmlns:serv=\"http://www.webex.com/schemas/2002/06/service\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"java:com.webex.service.binding.user.SetUser\"><webExId>a&lt;b@acme.com</webExId>"
                + "<personalTeleconf><joinBeforeHost>true</joinBeforeHost>"
                + "<account><tollFreeNumber>1&amp;2</tollFreeNumber></account></personalTeleconf>"
                + "<phones><PIN>0379</PIN></phones><firstName>Ann</firstName></bodyContent>", body);
    }

    /** The bodyContent of the request the stylesheet writes for the row. */
    private static String transform(String row) throws Exception {
        Processor saxon = new Processor(false);
        XdmDestination request = new XdmDestination();
        saxon.newXsltCompiler().compile(new StreamSource(new File("xslt/setuser-settings.xsl"))).load30()
                .transform(new StreamSource(new StringReader(row)), request);
        XdmNode body = request.getXdmNode().select(Steps.path("*", "body", "bodyContent")).asNode();
        Serializer serializer = saxon.newSerializer();
        serializer.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
        return serializer.serializeNodeToString(body);
    }
}
