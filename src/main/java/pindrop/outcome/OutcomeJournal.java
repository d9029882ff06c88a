package pindrop.outcome;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import pindrop.durable.DurableFiles;

/**
 * The journal of one input file, so a killed or stopped run resumes where it was: a {@code C} line before
 * each call to Webex and a {@code D} line with the outcome when a row is done. Each line is handed to the
 * operating system at once (a killed process loses nothing) and forced to disk in groups by a flusher of
 * its own every {@code pindrop.journal-sync}, as databases commit: an fsync took hundreds of milliseconds on
 * the machines here, and in the rows' threads it stalled calls enough to bunch them past the rate limit. A
 * power cut loses at most that interval. A {@code complete} file marks a journal whose outcome files were published;
 * it is written whole and forced ({@link DurableFiles}), after the outcome files are on disk.
 */
public final class OutcomeJournal implements Closeable {

    /**
     * What an earlier run left: the rows with a definitive outcome (SUCCESS, FAILURE, INVALID), and the calls
     * made for the others, which count in their attempts.
     */
    public record Resume(Map<Long, Outcome> done, Map<Long, Integer> calls) {
        public static final Resume NONE = new Resume(Map.of(), Map.of());
    }

    private final Path dir;
    private final DurableFiles durable;
    private final FileChannel channel;
    private final ScheduledExecutorService flusher;
    private volatile boolean unforced;

    private OutcomeJournal(Path dir, Duration sync, DurableFiles durable) throws IOException {
        this.dir = dir;
        this.durable = durable;
        Files.createDirectories(dir);
        this.channel = FileChannel.open(dir.resolve("journal.csv"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pindrop-journal-flusher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::forceQuietly, sync.toMillis(), sync.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the journal in {@code dir}. One left by an interrupted run is resumed; one whose outcome files
     * were published belongs to an earlier run of the same content and is started afresh.
     */
    public static OutcomeJournal open(Path dir, Duration sync, DurableFiles durable) throws IOException {
        return Files.exists(dir.resolve("complete")) ? fresh(dir, sync, durable)
                : new OutcomeJournal(dir, sync, durable);
    }

    /** Opens an empty journal in {@code dir}, whatever an earlier run left there (a dry run never resumes). */
    public static OutcomeJournal fresh(Path dir, Duration sync, DurableFiles durable) throws IOException {
        Files.deleteIfExists(dir.resolve("journal.csv"));
        Files.deleteIfExists(dir.resolve("complete"));
        return new OutcomeJournal(dir, sync, durable);
    }

    /** What the journal holds from an interrupted run; empty for a new one. */
    public Resume resume() throws IOException {
        Path file = dir.resolve("journal.csv");
        if (Files.size(file) == 0) {
            return Resume.NONE;
        }
        Map<Long, Outcome> done = new HashMap<>();
        Map<Long, Integer> calls = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser lines = CSVFormat.DEFAULT.parse(reader)) {
            for (CSVRecord line : lines) {
                long index = Long.parseLong(line.get(1));
                if (line.get(0).equals("C")) {
                    calls.merge(index, 1, Integer::sum);
                } else if (line.size() == 9 && !Status.valueOf(line.get(4)).retryable()) {
                    // DEFERRED and ERROR rows are tried again when their file is taken again
                    done.put(index, new Outcome(Integer.parseInt(line.get(2)), line.get(3),
                            Status.valueOf(line.get(4)), line.get(5), line.get(6), line.get(7),
                            Integer.parseInt(line.get(8)), List.of()));
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a line cut short by a crash is the last one: what came before it stands
        }
        done.keySet().forEach(calls::remove);
        return new Resume(done, calls);
    }

    /** A call for the row at {@code index} is about to be made. */
    public void callStarting(long index) throws IOException {
        write(List.of("C", index));
    }

    /** The row at {@code index} is done. */
    public void done(long index, Outcome o) throws IOException {
        write(List.of("D", index, o.row(), o.webExId(), o.status(), o.exceptionId(), o.reason(), o.account(),
                o.attempts()));
    }

    /** The outcome files are published: the journal is kept only until its retention ends. */
    public void complete() throws IOException {
        force();
        byte[] at = java.time.Instant.now().toString().getBytes(StandardCharsets.UTF_8);
        durable.replace(dir.resolve("complete"), out -> out.write(at));
    }

    /** Forces what was written to disk, e.g. before a stop. */
    public void force() throws IOException {
        if (unforced) {
            unforced = false;
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unforced = true;
        force();
        channel.close();
    }

    private void forceQuietly() {
        try {
            force();
        } catch (IOException e) {
            // the next write reports a disk that fails; the flusher only makes writes durable sooner
        }
    }

    private synchronized void write(List<Object> values) throws IOException {
        StringWriter line = new StringWriter(128);
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.DEFAULT)) {
            printer.printRecord(values);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        unforced = true;
    }
}
