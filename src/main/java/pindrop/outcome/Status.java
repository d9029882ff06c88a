package pindrop.outcome;

import java.util.List;

/** A row's outcome, as the contract names them; VALID only in a dry run (checked, would be sent). */
public enum Status {
    SUCCESS, FAILURE, INVALID, DEFERRED, ERROR, VALID;

    private static final List<Status> OF_A_RUN = List.of(SUCCESS, FAILURE, INVALID, DEFERRED, ERROR);
    private static final List<Status> OF_A_DRY_RUN = List.of(VALID, INVALID, ERROR);

    /** The statuses a run's rows can have: a dry run sends no SetUser, so no SUCCESS, FAILURE or DEFERRED. */
    public static List<Status> of(boolean dryRun) {
        return dryRun ? OF_A_DRY_RUN : OF_A_RUN;
    }

    /** Rows with this status are safe to run again and go to the retry file. */
    public boolean retryable() {
        return this == DEFERRED || this == ERROR;
    }
}
