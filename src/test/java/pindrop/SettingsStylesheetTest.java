package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
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

        assertEquals("<bodyContent xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"java:com.webex.service.binding.user.SetUser\"><webExId>a&lt;b@acme.com</webExId>"
                + "<personalTeleconf><joinBeforeHost>true</joinBeforeHost>"
                + "<account><tollFreeNumber>1&amp;2</tollFreeNumber></account></personalTeleconf>"
                + "<phones><PIN>0379</PIN></phones><firstName>Ann</firstName></bodyContent>", body);
    }

    private static String transform(String row) throws Exception {
        Processor saxon = new Processor(false);
        StringWriter out = new StringWriter();
        Serializer serializer = saxon.newSerializer(out);
        saxon.newXsltCompiler().compile(new StreamSource(new File("xslt/setuser-settings.xsl"))).load30()
                .transform(new StreamSource(new StringReader(row)), serializer);
        return out.toString();
    }
}
