package pindrop.outcome;

/**
 * What became of a row, before its outcome is recorded: its status, Webex's exceptionID where Webex gave one,
 * and why in words a user understands. The route variable {@code verdict} holds it (see
 * {@link pindrop.batch.RowVariables#VERDICT}); a row without one is still on its way.
 */
public record RowVerdict(Status status, String exceptionId, String reason) {

    public RowVerdict {
        exceptionId = exceptionId == null ? "" : exceptionId;
        reason = reason == null ? "" : reason;
    }

    /** A verdict pindrop reached itself, without an exceptionID from Webex. */
    public static RowVerdict of(Status status, String reason) {
        return new RowVerdict(status, "", reason);
    }

    /** The row is rejected locally and never sent. */
    public static RowVerdict invalid(String reason) {
        return of(Status.INVALID, reason);
    }
}
