package pindrop.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs that wait go back to their job's folder to be taken again and resume from their journal: at
 * start, those a killed run left in {@code .inprogress}; in service mode, those with DEFERRED rows in
 * {@code .deferred} once an account is usable. Journals older than the retention go, so the state folder
 * never grows without bound.
 */
public final class InputRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(InputRecovery.class);

    private InputRecovery() {
    }

    /** Moves files of {@code .inprogress} in the inbox and its job folders back to where they were dropped. */
    public static void returnInterruptedInputs(Path inbox) throws IOException {
        returnInputs(inbox, ".inprogress", "was interrupted by a stop");
    }

    /** Moves files of {@code .deferred} in the inbox and its job folders back, to send their DEFERRED rows. */
    public static void returnDeferredInputs(Path inbox) throws IOException {
        returnInputs(inbox, ".deferred", "has DEFERRED rows and an admin account is usable again");
    }

    private static void returnInputs(Path inbox, String waitingRoom, String why) throws IOException {
        for (Path folder : JobFolders.of(inbox)) {
            Path waiting = folder.resolve(waitingRoom);
            for (Path file : list(waiting)) {
                Path back = folder.resolve(file.getFileName());
                if (Files.exists(back)) {
                    LOG.warn("{} {}, but a new file of that name waits: it stays in {}", file.getFileName(), why,
                            waiting);
                    continue;
                }
                Files.move(file, back);
                LOG.info("{} {}: it is taken again and resumes from its journal", back, why);
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

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
