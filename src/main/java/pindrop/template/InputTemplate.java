package pindrop.template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The blank sheet an admin fills in for a job: its header row names the job's own columns, the user first.
 * In XLSX the PIN columns are formatted as text, so Excel keeps the leading zero of 0379 that it drops from a
 * number (the most common INVALID reason).
 */
public record InputTemplate(String job, List<String> columns, List<String> pinColumns) {

    /** Excel's built-in number format "Text". */
    private static final String TEXT = "@";

    /** Writes the template to {@code file}, as XLSX or CSV by its extension. */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("a template is a .xlsx or .csv file, not " + file.getFileName());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (name.endsWith(".xlsx")) {
                xlsx(out);
            } else {
                csv(out);
            }
        }
    }

    public void xlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "pindrop", "1.0");
        Worksheet sheet = workbook.newWorksheet(job);
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            sheet.value(0, c, column);
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.max(14, column.length() + 4));
            if (pinColumns.contains(column)) {
                // the column's style is what Excel and LibreOffice give a cell typed into the column
                sheet.style(c).format(TEXT).set();
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }

    public void csv(OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord(columns);
        }
    }
}
