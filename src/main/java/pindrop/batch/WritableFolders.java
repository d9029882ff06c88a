package pindrop.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The folders a file's run must write to its end (outbox, state): a full disk shows here before a file is taken. */
final class WritableFolders {

    private final List<Path> folders;

    WritableFolders(Path... folders) {
        this.folders = List.of(folders);
    }

    /** Creates and deletes a probe file in each folder; the first that fails is the problem. */
    Optional<String> problem() {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
                Path probe = Files.createTempFile(folder, ".pindrop-probe", ".tmp");
                Files.delete(probe);
            } catch (IOException e) {
                return Optional.of(folder + " cannot be written (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }
}
