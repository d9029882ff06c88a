package pindrop.webex;

/**
 * Webex answered 030047 to a call that carried a session ticket: the route's catch has the account sign in again
 * and sends the same call again, which is neither a retry nor a failover.
 */
public final class TicketRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TicketRefusedException(String answer) {
        super(answer);
    }
}
