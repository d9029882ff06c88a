package pindrop.account;

/** No admin account can take a call now: the row is DEFERRED, safe to run again later. */
public class NoUsableAccountException extends Exception {
    public NoUsableAccountException(String message) {
        super(message);
    }
}
