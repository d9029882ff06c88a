package pindrop.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import pindrop.batch.Batches;
import pindrop.check.MappingException;
import pindrop.check.SettingsCheck;
import pindrop.check.SettingsMapping;

/**
 * The input template of each job route in the routes folder ({@code templatedRoute}s with a {@code job}
 * parameter), from the same parameters the job's check reads: rowCheck's {@code valueColumn} (a PIN) or
 * settingsCheck's {@code mapping}. Read from the YAML itself, not from a running Camel: {@code --template}
 * starts no Camel, and a job added in YAML has its template without a line of Java.
 */
public final class JobTemplates {

    private final Path routes;

    public JobTemplates(Path routes) {
        this.routes = routes;
    }

    /** Every job's template, in the order of the route files' names. */
    public List<InputTemplate> all() throws IOException, MappingException {
        List<InputTemplate> templates = new ArrayList<>();
        for (Map<String, String> job : jobParameters()) {
            templates.add(template(job));
        }
        return templates;
    }

    public Optional<InputTemplate> of(String job) throws IOException, MappingException {
        for (Map<String, String> parameters : jobParameters()) {
            if (parameters.get("job").equals(job)) {
                return Optional.of(template(parameters));
            }
        }
        return Optional.empty();
    }

    /** The jobs' names, in the order of the route files' names. */
    public List<String> jobs() throws IOException {
        return jobParameters().stream().map(job -> job.get("job")).toList();
    }

    private List<Map<String, String>> jobParameters() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(routes)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
        List<Map<String, String>> jobs = new ArrayList<>();
        for (Path file : files) {
            jobs.addAll(jobParameters(Files.readString(file)));
        }
        return jobs;
    }

    private static InputTemplate template(Map<String, String> job) throws IOException, MappingException {
        String user = Batches.USER_COLUMN.names().get(0);
        String mapping = job.getOrDefault("mapping", "");
        if ("settingsCheck".equals(job.get("check")) && !mapping.isBlank()) {
            List<SettingsMapping.Setting> settings = SettingsMapping.read(SettingsCheck.MAPPINGS.resolve(mapping.strip()))
                    .settings();
            List<String> columns = new ArrayList<>(List.of(user));
            settings.forEach(s -> columns.add(s.column()));
            return new InputTemplate(job.get("job"), columns, settings.stream()
                    .filter(s -> s.check() == SettingsMapping.Check.PIN).map(SettingsMapping.Setting::column).toList());
        }
        // rowCheck: the preferred of the names the PIN column may go by
        String pin = job.getOrDefault("valueColumn", "").split(",")[0].strip();
        return new InputTemplate(job.get("job"), List.of(user, pin), List.of(pin));
    }

    private static List<Map<String, String>> jobParameters(String yaml) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        List<Map<String, String>> jobs = new ArrayList<>();
        if (!(document instanceof List<?> items)) {
            return jobs;
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.get("templatedRoute") instanceof Map<?, ?> route
                    && route.get("parameters") instanceof List<?> parameters) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Object parameter : parameters) {
                    if (parameter instanceof Map<?, ?> p && p.get("name") != null && p.get("value") != null) {
                        values.put(p.get("name").toString(), p.get("value").toString());
                    }
                }
                if (values.containsKey("job")) {
                    jobs.add(values);
                }
            }
        }
        return jobs;
    }
}
