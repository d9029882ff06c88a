package pindrop.simulator;

/**
 * The FAILURE answers the simulator gives, with the exceptionID and reason text of webex-xml-api.md.
 * Clients must decide on {@link #exceptionId()}; the reason is for people.
 */
enum WebexError {
    FORWARD_FAILED("000000", "Fail to forward request:null"),
    ACCESS_DENIED("000001", "Access denied, additional privileges are required"),
    AS_SERVICE_NOT_RESPONDING("000035", "ASService not responding"),
    RATE_LIMIT_REACHED("000045", "API Rate Limit Reached"),
    USER_NOT_FOUND("030001", "Corresponding User not found"),
    INCORRECT_USER_OR_PASSWORD("030002", "Incorrect user or password"),
    INVALID_SESSION_TICKET("030047", "Not a valid session ticket"),
    TICKETS_NOT_SUPPORTED("030104", "This operation does not support SessionTicket authentication"),
    INVALID_PIN("999999", "Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number"
            + " values or simple sequences, like 1111 or 1234.");

    private final String exceptionId;
    private final String reason;

    WebexError(String exceptionId, String reason) {
        this.exceptionId = exceptionId;
        this.reason = reason;
    }

    String exceptionId() {
        return exceptionId;
    }

    String reason() {
        return reason;
    }
}
