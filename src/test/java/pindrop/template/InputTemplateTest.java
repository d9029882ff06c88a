package pindrop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import pindrop.PindropProcess;

/**
 * {@code --template JOB FILE} for each job of routes/, as an admin runs it: the header row is the job's columns,
 * the user first, and in XLSX the PIN columns are formatted as text (Excel's "@", built-in format 49).
 */
class InputTemplateTest {

    @TempDir
    Path dir;

    /** Each job's columns, and which are PINs. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "hostpin", List.of("webExId", "hostPIN"),
            "audio-pin", List.of("webExId", "PIN"),
            "user-settings", List.of("webExId", "joinBeforeHost", "hostPIN", "PIN"));
    private static final Map<String, List<String>> PINS = Map.of(
            "hostpin", List.of("hostPIN"),
            "audio-pin", List.of("PIN"),
            "user-settings", List.of("hostPIN", "PIN"));

    @Test
    void eachJobsXlsxTemplateHasItsColumnsWithThePinColumnsAsText() throws Exception {
        for (String job : COLUMNS.keySet()) {
            Path file = dir.resolve(job + ".xlsx");
            PindropProcess pindrop = new PindropProcess(dir);
            assertEquals(0, pindrop.run(Map.of(), List.of(), List.of("--template", job, file.toString())),
                    pindrop.output());
            assertEquals(COLUMNS.get(job), header(file), job);
            List<String> textColumns = textColumns(file, COLUMNS.get(job));
            assertEquals(PINS.get(job), textColumns, job + ": the columns formatted as text");
        }
    }

    @Test
    void aCsvTemplateIsTheHeaderRow() throws Exception {
        Path file = dir.resolve("settings.csv");
        new JobTemplates(Path.of("routes")).of("user-settings").orElseThrow().write(file);
        assertEquals(List.of("webExId,joinBeforeHost,hostPIN,PIN"), Files.readAllLines(file));
    }

    @Test
    void aJobThatIsNotThereExits2NamingTheJobsThereAre() throws Exception {
        PindropProcess pindrop = new PindropProcess(dir);
        assertEquals(2, pindrop.run(Map.of(), List.of(), List.of("--template", "hostpins", "x.xlsx")), pindrop.output());
        assertTrue(pindrop.output().contains("there is no job hostpins; the jobs are audio-pin"), pindrop.output());
    }

    private static List<String> header(Path file) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Row first = workbook.getFirstSheet().read().get(0);
            List<String> cells = new ArrayList<>();
            for (Cell cell : first) {
                cells.add(cell.getRawValue());
            }
            return cells;
        }
    }

    /**
     * The columns whose style (the {@code <col>} of the sheet, which Excel gives every cell typed into the column)
     * has the number format Text. fastexcel-reader reports cells, not column styles, so the sheet's XML is read.
     */
    private static List<String> textColumns(Path file, List<String> header) throws Exception {
        Map<String, Document> parts = parts(file);
        NodeList formats = parts.get("xl/styles.xml").getElementsByTagName("numFmt");
        Map<String, String> codes = new LinkedHashMap<>(Map.of("49", "@"));
        for (int i = 0; i < formats.getLength(); i++) {
            Element format = (Element) formats.item(i);
            codes.put(format.getAttribute("numFmtId"), format.getAttribute("formatCode"));
        }
        Element cellXfs = (Element) parts.get("xl/styles.xml").getElementsByTagName("cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagName("xf");
        NodeList cols = parts.get("xl/worksheets/sheet1.xml").getElementsByTagName("col");
        List<String> text = new ArrayList<>();
        for (int i = 0; i < cols.getLength(); i++) {
            Element col = (Element) cols.item(i);
            if (col.hasAttribute("style")) {
                Element xf = (Element) xfs.item(Integer.parseInt(col.getAttribute("style")));
                if ("@".equals(codes.get(xf.getAttribute("numFmtId")))) {
                    for (int c = Integer.parseInt(col.getAttribute("min")); c <= Integer.parseInt(col.getAttribute("max")); c++) {
                        text.add(header.get(c - 1));
                    }
                }
            }
        }
        return text;
    }

    private static Map<String, Document> parts(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Map<String, Document> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : List.of("xl/styles.xml", "xl/worksheets/sheet1.xml")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    parts.put(name, factory.newDocumentBuilder().parse(in));
                }
            }
        }
        return parts;
    }
}
