package pindrop.outcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads pindrop's own outcome files back: UTF-8, with the BOM they start with for Excel's sake skipped. */
public final class OutcomeFiles {

    private OutcomeFiles() {
    }

    public static BufferedReader reader(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
