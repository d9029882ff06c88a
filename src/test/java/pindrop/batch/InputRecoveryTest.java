package pindrop.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up puts right: interrupted inputs go back, old journals go. */
class InputRecoveryTest {

    @TempDir
    Path root;

    @Test
    void journalsPastTheirRetentionGoAndRecentOnesStay() throws Exception {
        Path journals = root.resolve("journals");
        Path old = Files.createDirectories(journals.resolve("hostpin-old"));
        Path recent = Files.createDirectories(journals.resolve("hostpin-recent"));
        Files.writeString(old.resolve("journal.csv"), "D,0,2,a@x.com,SUCCESS,,,admin,1\n");
        Files.writeString(recent.resolve("journal.csv"), "D,0,2,b@x.com,SUCCESS,,,admin,1\n");
        Files.setLastModifiedTime(old.resolve("journal.csv"), FileTime.from(Instant.now().minus(Duration.ofDays(8))));

        InputRecovery.removeOldJournals(journals, Duration.ofDays(7));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent.resolve("journal.csv")));
    }

    @Test
    void inputsLeftInProgressGoBackToTheFolderTheyWereDroppedIn() throws Exception {
        Path inbox = root.resolve("inbox");
        Files.createDirectories(inbox.resolve(".inprogress"));
        Files.createDirectories(inbox.resolve("audio-pin/.inprogress"));
        Files.writeString(inbox.resolve(".inprogress/pins.csv"), "webExId,hostPIN\n");
        Files.writeString(inbox.resolve("audio-pin/.inprogress/audio.csv"), "webExId,PIN\n");
        // a new file of the same name waits already: the interrupted one stays where it is
        Files.writeString(inbox.resolve("audio-pin/.inprogress/new.csv"), "old");
        Files.writeString(inbox.resolve("audio-pin/new.csv"), "new");

        InputRecovery.returnInterruptedInputs(inbox);

        assertTrue(Files.exists(inbox.resolve("pins.csv")));
        assertTrue(Files.exists(inbox.resolve("audio-pin/audio.csv")));
        assertEquals("new", Files.readString(inbox.resolve("audio-pin/new.csv")));
        assertEquals("old", Files.readString(inbox.resolve("audio-pin/.inprogress/new.csv")));
    }
}
