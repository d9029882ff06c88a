package pindrop.webex;

import java.util.Map;
import java.util.Set;

/**
 * The one place that maps an exceptionID to what pindrop does about it. Reason texts change; codes do not,
 * so only the code decides. Codes not listed here are permanent failures of the row.
 */
public final class ExceptionTable {

    private static final Map<String, Action> ACTIONS = Map.of(
            "000035", Action.RETRY,               // ASService not responding
            "000045", Action.ACCOUNT_PAUSED,      // API Rate Limit Reached, per caller and minute
            // Incorrect user or password: after a passed check, the SetUser quota (a token account: its token)
            "030002", Action.ACCOUNT_SPENT,
            "030047", Action.SIGN_IN_AGAIN);       // Not a valid session ticket: sign in again, send the call again

    /**
     * Codes that are Webex's verdict on the row itself (the user, the value): however many rows get them, the
     * site works. Any other code answered to many users in a row is the site's failure (SiteFailureBreaker).
     */
    private static final Set<String> VERDICTS_ON_THE_ROW = Set.of(
            "030001",  // Corresponding User not found
            "000015",  // Sorry, no record found
            "999999"); // Not a valid PIN

    private ExceptionTable() {
    }

    /** Whether {@code exceptionId} says something about the row rather than the site. */
    public static boolean isVerdictOnTheRow(String exceptionId) {
        return VERDICTS_ON_THE_ROW.contains(exceptionId);
    }

    public static Action actionFor(WebexResponse response) {
        if (response.success()) {
            return Action.DONE;
        }
        return ACTIONS.getOrDefault(response.exceptionId(), Action.FAILURE);
    }
}
