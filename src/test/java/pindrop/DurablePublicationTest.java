package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import pindrop.durable.DurableFiles;
import pindrop.simulator.WebexSimulator;

/**
 * Outcome files reach the disk before their names do: each is forced before its rename into the outbox, the
 * outbox is forced after the renames and again after the summary, which comes last, and the journal is marked
 * complete only after all of it. The disk's operations are recorded as pindrop makes them.
 */
class DurablePublicationTest extends SiteTest {

    /** What reached the disk, in order: {@code force F}, {@code rename F T}, {@code folder D}. */
    static final class RecordingDisk implements DurableFiles.Disk {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private final boolean forces;

        RecordingDisk(boolean forces) {
            this.forces = forces;
        }

        @Override
        public void force(Path file) throws IOException {
            if (forces) {
                DurableFiles.REAL.force(file);
                events.add("force " + file.getFileName());
            }
        }

        @Override
        public void rename(Path from, Path target) throws IOException {
            DurableFiles.REAL.rename(from, target);
            events.add("rename " + from.getFileName() + " " + target.getFileName());
        }

        @Override
        public void forceFolder(Path folder) throws IOException {
            DurableFiles.REAL.forceFolder(folder);
            events.add("folder " + folder.getFileName());
        }
    }

    @Test
    void everyOutcomeFileIsForcedBeforeItsRenameAndTheJournalIsCompleteLast() throws Exception {
        List<String> events = run(new RecordingDisk(true));

        assertPublishedDurably(events);
    }

    @Test
    void aForceThatDoesNothingIsCaught() throws Exception {
        List<String> events = run(new RecordingDisk(false));

        assertThrows(AssertionError.class, () -> assertPublishedDurably(events));
    }

    private List<String> run(RecordingDisk disk) throws Exception {
        simulator = WebexSimulator.builder().site(RunningPindrop.SITE).admin("admin1@acme.com", "admin1-secret")
                .users(List.of("alice@acme.com", "bob@acme.com")).build().start();
        pindrop = RunningPindrop.against(simulator, root, Map.of(), Map.of("durableFiles", new DurableFiles(disk)));
        pindrop.drop("pins.csv", "webExId,hostPIN\nalice@acme.com,4821\nbob@acme.com,5930\nnobody@acme.com,6041\n");
        pindrop.awaitSummary("pins");
        // the journal's complete mark follows the summary
        org.awaitility.Awaitility.await().until(() -> disk.events.stream().anyMatch(e -> e.startsWith("rename .complete.part")));
        return List.copyOf(disk.events);
    }

    /** The order a power cut cannot undo; fails with the events when it does not hold. */
    static void assertPublishedDurably(List<String> events) {
        String all = events.stream().collect(Collectors.joining("\n"));
        List<String> outcomes = List.of("pins.results.csv", "pins.retry.csv", "pins.report.html", "pins.summary.json");
        int lastRename = -1;
        for (String file : outcomes) {
            int rename = events.indexOf("rename ." + file + ".part " + file);
            assertTrue(rename >= 0, file + " was not renamed into the outbox:\n" + all);
            int force = events.indexOf("force ." + file + ".part");
            assertTrue(force >= 0 && force < rename, file + " was not forced before its rename:\n" + all);
            lastRename = Math.max(lastRename, rename);
        }
        int summary = events.indexOf("rename .pins.summary.json.part pins.summary.json");
        assertEquals(summary, lastRename, "the summary comes last:\n" + all);
        int folderBefore = events.subList(0, summary).lastIndexOf("folder outbox");
        for (String file : outcomes.subList(0, 3)) {
            assertTrue(folderBefore > events.indexOf("rename ." + file + ".part " + file),
                    "the outbox is forced after " + file + " is renamed and before the summary:\n" + all);
        }
        int folderAfter = indexFrom(events, summary, "folder outbox");
        int complete = indexFrom(events, summary, "rename .complete.part complete");
        assertTrue(folderAfter > summary && complete > folderAfter,
                "the journal is marked complete after the summary's rename is on disk:\n" + all);
        assertTrue(events.indexOf("force .complete.part") < complete, "the complete mark is forced:\n" + all);
    }

    private static int indexFrom(List<String> events, int from, String event) {
        int i = events.subList(from, events.size()).indexOf(event);
        return i < 0 ? -1 : from + i;
    }

    @Test
    void stateFilesAreWrittenWhole() throws Exception {
        Path state = Files.createDirectories(root.resolve("state"));
        RecordingDisk disk = new RecordingDisk(true);

        new DurableFiles(disk).replace(state.resolve("accounts.json"), out -> out.write("{}".getBytes()));

        assertEquals(List.of("force .accounts.json.part", "rename .accounts.json.part accounts.json", "folder state"),
                disk.events);
        assertEquals("{}", Files.readString(state.resolve("accounts.json")));
    }

    @Test
    void aFileOfSecretsIsWrittenWholeAndReadableByItsOwnerOnlyFromTheStart() throws Exception {
        Path state = Files.createDirectories(root.resolve("state"));
        RecordingDisk disk = new RecordingDisk(true);
        List<String> asideWhileWritten = new ArrayList<>();

        new DurableFiles(disk).replace(state.resolve("refresh-tokens.json"),
                PosixFilePermissions.fromString("rw-------"), out -> {
                    asideWhileWritten.add(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(state.resolve(".refresh-tokens.json.part"))));
                    out.write("{}".getBytes());
                });

        assertEquals(List.of("rw-------"), asideWhileWritten, "owner-only before a byte is written");
        assertEquals(List.of("force .refresh-tokens.json.part",
                "rename .refresh-tokens.json.part refresh-tokens.json", "folder state"), disk.events);
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("refresh-tokens.json"))));
    }
}
