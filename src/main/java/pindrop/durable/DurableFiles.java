package pindrop.durable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that survive a power cut as whole files or not at all: written aside, forced to disk, renamed over
 * the name a reader or a restart looks for, and the folder forced so the rename itself is on disk. A rename
 * alone orders nothing: after a power cut the new name can point at an empty file. Every file pindrop
 * publishes (outbox) or relies on at a restart (state/) goes through here. The three disk operations are a
 * {@link Disk}, so a test can watch them in the order they happen.
 */
public final class DurableFiles {

    /** What this class asks of the disk; {@link #REAL} does it, a test may record it. */
    public interface Disk {
        /** Forces a file's content to the device (fsync). */
        void force(Path file) throws IOException;

        /** Renames atomically over {@code target}. */
        void rename(Path from, Path target) throws IOException;

        /** Forces a folder's entries (the renames in it) to the device. */
        void forceFolder(Path folder) throws IOException;
    }

    /** Content written to a file's stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final Disk REAL = new Disk() {
        @Override
        public void force(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }

        @Override
        public void rename(Path from, Path target) throws IOException {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void forceFolder(Path folder) throws IOException {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                // Windows cannot open a folder; there NTFS journals the rename itself
                if (!System.getProperty("os.name", "").startsWith("Windows")) {
                    throw e;
                }
            }
        }
    };

    private final Disk disk;

    public DurableFiles() {
        this(REAL);
    }

    public DurableFiles(Disk disk) {
        this.disk = disk;
    }

    /**
     * Puts a written-aside file in place: forced first, so the name never appears before its content. The
     * folder is not forced here: a caller publishing several files forces it once, with {@link #forceFolder}.
     */
    public void publish(Path staged, Path target) throws IOException {
        disk.force(staged);
        disk.rename(staged, target);
    }

    /** Makes the renames made in {@code folder} so far durable. */
    public void forceFolder(Path folder) throws IOException {
        disk.forceFolder(folder);
    }

    /** Writes {@code target} whole: aside under a hidden name, forced, renamed, its folder forced. */
    public void replace(Path target, Content content) throws IOException {
        write(target, null, content);
    }

    /**
     * The same for a file only some may read (secrets): the file written aside has {@code permissions} before a
     * byte is written to it, so its content is never readable by others, not even for a moment.
     */
    public void replace(Path target, Set<PosixFilePermission> permissions, Content content) throws IOException {
        write(target, permissions, content);
    }

    private void write(Path target, Set<PosixFilePermission> permissions, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path staged = folder.resolve("." + target.getFileName() + ".part");
        FileAttribute<?>[] attributes = permissions == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        try {
            try (OutputStream out = Channels.newOutputStream(FileChannel.open(staged, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), attributes))) {
                if (permissions != null) {
                    // a staged file a crash left keeps the permissions it had: set again while it is empty
                    Files.setPosixFilePermissions(staged, permissions);
                }
                content.writeTo(out);
            }
            publish(staged, target);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
