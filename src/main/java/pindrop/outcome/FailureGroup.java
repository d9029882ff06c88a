package pindrop.outcome;

import java.util.Arrays;

/**
 * Rows that did not succeed for the same status, exceptionId and reason: how many, and the first few of them
 * with their user ids. Only the first {@link #LISTED} are kept, so a group costs the same for ten rows or a million.
 */
final class FailureGroup {

    static final int LISTED = 50;

    /** Longer user ids are cut for display: ids past Webex's limit are INVALID rows and may be pasted garbage. */
    private static final int USER_ID_SHOWN = 100;

    private final Status status;
    private final String exceptionId;
    private final String reason;
    private final int[] rows = new int[LISTED];
    private final String[] users = new String[LISTED];
    private long count;

    FailureGroup(Status status, String exceptionId, String reason) {
        this.status = status;
        this.exceptionId = exceptionId;
        this.reason = reason;
    }

    void add(int row, String webExId) {
        if (count < LISTED) {
            rows[(int) count] = row;
            users[(int) count] = webExId.length() > USER_ID_SHOWN
                    ? webExId.substring(0, USER_ID_SHOWN) + "…" : webExId;
        }
        count++;
    }

    Status status() {
        return status;
    }

    String exceptionId() {
        return exceptionId;
    }

    String reason() {
        return reason;
    }

    long count() {
        return count;
    }

    /** The row numbers kept, in the order of the results file, which is the input's order. */
    int[] listedRows() {
        return Arrays.copyOf(rows, listed());
    }

    /** The user id of each of {@link #listedRows()}. */
    String[] listedUsers() {
        return Arrays.copyOf(users, listed());
    }

    /** Rows of the group beyond those listed. */
    long unlisted() {
        return count - listed();
    }

    private int listed() {
        return (int) Math.min(count, LISTED);
    }
}
