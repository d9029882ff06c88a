package pindrop.check;

import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

import net.sf.saxon.Configuration;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;

import pindrop.batch.Batch;
import pindrop.batch.RowVariables;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * Turns a checked row into the small XML document a job's stylesheet reads:
 * {@code <row number="2"><user>…</user><value>…</value><cell name="Dept">…</cell>…</row>}, and for a job with
 * a mapping the settings its check accepted, {@code <setting element="personalTeleconf/joinBeforeHost">true</setting>}.
 * Written with a real XML writer, so any text in a cell stays text; characters XML cannot carry become U+FFFD.
 * The document is a Saxon tree, not text: the stylesheet reads it as it is, where text would be parsed again
 * for every row.
 */
public final class RowDocument {

    /** Shared by the rows' threads: a building writer only reads the builder's settings. */
    private final DocumentBuilder builder;

    /** @param stylesheets the Saxon configuration the stylesheets of xslt/ run in, which must own their input */
    public RowDocument(Configuration stylesheets) {
        builder = new Processor(stylesheets).newDocumentBuilder();
    }

    /** The checked row's document, with the settings its check accepted. */
    public NodeInfo document(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @Variable(RowVariables.INPUT) SpreadsheetRow row,
            @Variable(RowVariables.SETTINGS) Map<String, String> settings) throws XMLStreamException, SaxonApiException {
        return of(row.number(), row.get(batch.userColumn()), row.get(batch.valueColumn()), row.columns(), settings);
    }

    /** The document for a user and value of one's own, e.g. GetUser on an admin account's id. */
    public NodeInfo of(int number, String user, String value, Map<String, String> cells)
            throws XMLStreamException, SaxonApiException {
        return of(number, user, value, cells, Map.of());
    }

    private NodeInfo of(int number, String user, String value, Map<String, String> cells,
            Map<String, String> settings) throws XMLStreamException, SaxonApiException {
        BuildingStreamWriter xml = builder.newBuildingStreamWriter();
        xml.writeStartDocument();
        xml.writeStartElement("row");
        xml.writeAttribute("number", Integer.toString(number));
        element(xml, "user", user);
        element(xml, "value", value);
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            xml.writeStartElement("cell");
            xml.writeAttribute("name", xmlSafe(cell.getKey()));
            xml.writeCharacters(xmlSafe(cell.getValue()));
            xml.writeEndElement();
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            xml.writeStartElement("setting");
            xml.writeAttribute("element", setting.getKey());
            xml.writeCharacters(xmlSafe(setting.getValue()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return xml.getDocumentNode().getUnderlyingNode();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, not even escaped. */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!legal && safe == null) {
                safe = new StringBuilder(text.substring(0, i));
            }
            if (safe != null) {
                safe.append(legal ? c : '\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }
}
