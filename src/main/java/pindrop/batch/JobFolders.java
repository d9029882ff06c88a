package pindrop.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders job routes watch inside the inbox: the inbox (host PIN), a job's folder in it
 * ({@code inbox/audio-pin}) and each one's dry-run folder ({@code inbox/dry-run}, {@code inbox/audio-pin/dry-run}).
 * Hidden folders ({@code .done}, {@code .inprogress} …) are pindrop's own.
 */
public final class JobFolders {

    /** The name of a job folder's dry-run folder. */
    public static final String DRY_RUN = "dry-run";

    private JobFolders() {
    }

    /** The inbox and the visible folders in it, two levels deep. */
    public static List<Path> of(Path inbox) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(inbox));
        for (Path job : visibleFolders(inbox)) {
            folders.add(job);
            folders.addAll(visibleFolders(job));
        }
        return folders;
    }

    public static boolean isDryRun(Path folder) {
        return folder.getFileName() != null && folder.getFileName().toString().equals(DRY_RUN);
    }

    private static List<Path> visibleFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isDirectory(f) && !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
