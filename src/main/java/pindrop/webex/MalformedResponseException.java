package pindrop.webex;

/** An answer that is not a Webex XML API document: no definitive answer for the row. */
public class MalformedResponseException extends Exception {
    public MalformedResponseException(String message) {
        super(message);
    }
}
