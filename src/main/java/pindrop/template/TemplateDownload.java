package pindrop.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;

import pindrop.check.MappingException;

/**
 * The bean behind {@code /templates/JOB.xlsx} (and {@code .csv}) of the status server: the same template as
 * {@code --template JOB FILE}, read from the job routes as they are now.
 */
public final class TemplateDownload {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final JobTemplates templates;

    public TemplateDownload(Path routes) {
        this.templates = new JobTemplates(routes);
    }

    public void serve(Exchange exchange) throws IOException, MappingException {
        String name = exchange.getMessage().getHeader("name", "", String.class);
        boolean xlsx = name.endsWith(".xlsx");
        String job = name.replaceFirst("\\.(xlsx|csv)$", "");
        Optional<InputTemplate> template = job.equals(name) ? Optional.empty() : templates.of(job);
        exchange.getMessage().removeHeaders("*");
        if (template.isEmpty()) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
            exchange.getMessage().setBody("no such template; the jobs are " + String.join(", ", templates.jobs())
                    + ", as JOB.xlsx or JOB.csv\n");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (xlsx) {
            template.get().xlsx(out);
        } else {
            template.get().csv(out);
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, xlsx ? XLSX : "text/csv; charset=UTF-8");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        exchange.getMessage().setBody(out.toByteArray());
    }

    /** The jobs with a template, for the status page's links. */
    public List<String> jobs() throws IOException {
        return templates.jobs();
    }
}
