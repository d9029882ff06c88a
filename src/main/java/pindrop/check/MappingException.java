package pindrop.check;

import java.nio.file.Path;

/** A job's mapping file cannot be used; the message names the file and line, for whoever edits it. */
public final class MappingException extends Exception {

    MappingException(Path file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
