package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pindrop's own command line, run as cron or an admin runs it: a JVM of its own. */
class CommandLineTest {

    @TempDir
    Path root;

    @Test
    void anUnknownOptionExits2NamingItAndListingPindropsOptions() throws Exception {
        PindropProcess pindrop = new PindropProcess(root);
        int exit = pindrop.run(Map.of(), List.of(), List.of("--bogus"));
        assertEquals(2, exit, pindrop.output());
        String output = String.join("\n", pindrop.lines());
        assertTrue(output.contains("unknown option --bogus"), output);
        for (String option : List.of("--once", "--template JOB FILE", "--authorize N", "--help")) {
            assertTrue(output.contains(option), option + " listed; " + output);
        }
        assertFalse(output.contains("Apache Camel"), "Camel's own help is not pindrop's: " + output);
        assertFalse(Files.exists(root.resolve("state")), "nothing started");
    }

    @Test
    void helpListsPindropsOptionsAndExits0() throws Exception {
        PindropProcess pindrop = new PindropProcess(root);
        assertEquals(0, pindrop.run(Map.of(), List.of(), List.of("--help")), pindrop.output());
        assertTrue(String.join("\n", pindrop.lines()).contains("--template JOB FILE"), pindrop.output());
    }

    @Test
    void anOptionsMissingArgumentOrOneTooManyExits2() throws Exception {
        PindropProcess pindrop = new PindropProcess(root);
        assertEquals(2, pindrop.run(Map.of(), List.of(), List.of("--template", "hostpin")), pindrop.output());
        assertTrue(pindrop.output().contains("--template needs a job and a file"), pindrop.output());
        assertEquals(2, pindrop.run(Map.of(), List.of(), List.of("--once", "--bogus")), pindrop.output());
        assertTrue(pindrop.output().contains("unknown option --bogus after --once"), pindrop.output());
    }
}
