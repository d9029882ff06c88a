package pindrop.outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import pindrop.durable.DurableFiles;

/**
 * The folder reporting systems read. Every outcome file is written aside under a hidden name and renamed
 * into place when complete, so a reader never sees half a file; the summary is published last, so its
 * presence means the set is complete. No earlier report is ever overwritten. Each file is forced to disk before
 * its rename and the folder after it ({@link DurableFiles}), so after a power cut a published name never
 * points at an empty file.
 */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final String STATUS = "pindrop.status.json";

    private final Path dir;
    private final DurableFiles durable;
    private final Set<String> claimed = new HashSet<>();

    public Outbox(Path dir) {
        this(dir, new DurableFiles());
    }

    public Outbox(Path dir, DurableFiles durable) {
        this.dir = dir;
        this.durable = durable;
    }

    /** How this outbox, and the journals of what it publishes, put files on disk. */
    public DurableFiles durable() {
        return durable;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The base name for the outcome files of an input: its name without extension, with {@code -2}, {@code -3} …
     * added when a report of that name exists already (the same file dropped again is a legitimate re-run).
     */
    public String claim(String inputName) throws IOException {
        return claim(inputName, "");
    }

    /** The same, with {@code suffix} after the name: {@code pins.dry-run} for a dry run of {@code pins.csv}. */
    public synchronized String claim(String inputName, String suffix) throws IOException {
        createDir();
        String stem = OutcomeNames.stem(inputName) + suffix;
        String base = stem;
        for (int n = 2; claimed.contains(base) || Files.exists(summaryOf(base)) || Files.exists(resultsOf(base)); n++) {
            base = stem + "-" + n;
        }
        claimed.add(base);
        return base;
    }

    /** Where a file is written before it is published: hidden, so folder watchers skip it. */
    public Path staging(String fileName) throws IOException {
        createDir();
        return dir.resolve("." + fileName + ".part");
    }

    /** Forced to disk, then renamed into place; {@link #publishSummary} makes the renames durable. */
    public void publish(Path staged, String fileName) throws IOException {
        durable.publish(staged, dir.resolve(fileName));
    }

    /**
     * Publishes the summary, last: the renames of the set's other files are forced to disk before it, and its
     * own after it, so a summary on disk means the whole set is.
     */
    public void publishSummary(String base, Map<String, Object> summary) throws IOException {
        String name = base + ".summary.json";
        Path staged = staging(name);
        JSON.writeValue(staged.toFile(), summary);
        durable.forceFolder(dir);
        publish(staged, name);
        durable.forceFolder(dir);
        synchronized (this) {
            claimed.remove(base);
        }
    }

    /** pindrop's own state for operators and reporting systems: {@code pindrop.status.json}. */
    public void publishStatus(Map<String, Object> status) throws IOException {
        Path staged = staging(STATUS);
        JSON.writeValue(staged.toFile(), status);
        publish(staged, STATUS);
    }

    private Path summaryOf(String base) {
        return dir.resolve(base + ".summary.json");
    }

    private Path resultsOf(String base) {
        return dir.resolve(base + ".results.csv");
    }

    private void createDir() throws IOException {
        Files.createDirectories(dir);
    }
}
