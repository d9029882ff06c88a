package pindrop.outcome;

/** A row's outcome, as the contract names them. */
public enum Status {
    SUCCESS, FAILURE, INVALID, DEFERRED, ERROR;

    /** Rows with this status are safe to run again and go to the retry file. */
    public boolean retryable() {
        return this == DEFERRED || this == ERROR;
    }
}
