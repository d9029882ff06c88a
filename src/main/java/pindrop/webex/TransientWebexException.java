package pindrop.webex;

/** No definitive answer from Webex (server error, back-end trouble): the same call may work later. */
public class TransientWebexException extends Exception {
    public TransientWebexException(String message) {
        super(message);
    }
}
