package pindrop.spreadsheet;

/**
 * The file cannot be read as a spreadsheet at all, so none of its rows is processed.
 * The message is the reason, written for the person who dropped the file.
 */
public class RejectedFileException extends Exception {

    public RejectedFileException(String reason) {
        super(reason);
    }

    public RejectedFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
