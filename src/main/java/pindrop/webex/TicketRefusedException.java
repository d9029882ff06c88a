package pindrop.webex;

/**
 * Webex answered 030047 to a call that carried a session ticket: the route's catch has the account sign in again
 * and sends the same call again, which is neither a retry nor a failover.
 */
public final class TicketRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String reason;

    public TicketRefusedException(String code, String reason) {
        super(code + " " + reason);
        this.code = code;
        this.reason = reason;
    }

    /** Webex's exceptionID (030047). */
    public String code() {
        return code;
    }

    /** Webex's reason, as it said it. */
    public String reason() {
        return reason;
    }
}
