package pindrop.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up housekeeping. Inputs a killed run left in an {@code .inprogress} folder go back to their job's
 * folder, so they are taken again and resume from their journal; journals older than the retention go, so
 * the state folder never grows without bound.
 */
public final class InputRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(InputRecovery.class);

    private InputRecovery() {
    }

    /** Moves files of {@code inbox/.inprogress} and {@code inbox/JOB/.inprogress} back to where they were dropped. */
    public static void returnInterruptedInputs(Path inbox) throws IOException {
        for (Path folder : jobFolders(inbox)) {
            Path inProgress = folder.resolve(".inprogress");
            for (Path file : list(inProgress)) {
                Path back = folder.resolve(file.getFileName());
                if (Files.exists(back)) {
                    LOG.warn("{} was interrupted but a new file of that name waits: it stays in {}", file.getFileName(),
                            inProgress);
                    continue;
                }
                Files.move(file, back);
                LOG.info("{} was interrupted by a stop: it is taken again and resumes from its journal", back);
            }
        }
    }

    /** Deletes journals not touched for longer than {@code retention}. */
    public static void removeOldJournals(Path journals, Duration retention) throws IOException {
        Instant cutoff = Instant.now().minus(retention);
        for (Path journal : list(journals)) {
            Path lines = journal.resolve("journal.csv");
            Path touched = Files.exists(lines) ? lines : journal;
            if (Files.getLastModifiedTime(touched).toInstant().isBefore(cutoff)) {
                try (Stream<Path> files = Files.walk(journal)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    private static List<Path> jobFolders(Path inbox) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(inbox));
        list(inbox).stream().filter(f -> Files.isDirectory(f) && !f.getFileName().toString().startsWith("."))
                .forEach(folders::add);
        return folders;
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
