package pindrop;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.camel.Service;

/**
 * One pindrop per state folder: two would share the journals and the accounts' call counts, and each would
 * spend the budgets the other counts on. An OS lock on {@code state/pindrop.lock}, released when pindrop stops
 * or its process dies (kill -9 included), so a crash never leaves a stale lock behind.
 */
final class StateFolderLock implements Service {

    private final FileChannel channel;
    private final FileLock lock;

    private StateFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says which folder another pindrop holds. */
    static StateFolderLock take(Path state) throws IOException {
        Files.createDirectories(state);
        Path file = state.resolve("pindrop.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another pindrop is running on the state folder " + state.toAbsolutePath()
                    + ": stop it first, or give this one its own PINDROP_STATE, PINDROP_INBOX and PINDROP_OUTBOX");
        }
        return new StateFolderLock(channel, lock);
    }

    @Override
    public void start() {
        // taken when created
    }

    @Override
    public void stop() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
