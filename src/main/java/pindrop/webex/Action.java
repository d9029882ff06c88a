package pindrop.webex;

/** What a bulk job does with a Webex answer. */
public enum Action {
    /** Webex confirmed the change. */
    DONE,
    /** Webex refused the row for a reason a retry cannot change. */
    FAILURE,
    /** Webex's back end had trouble: the same call may work later. */
    RETRY,
    /** The account's SetUser budget is spent (or its credentials no longer work): never retry on it. */
    ACCOUNT_SPENT,
    /** The account's credentials were refused for good (an expired or revoked token): set it aside. */
    CREDENTIALS_REFUSED,
    /**
     * The call's session ticket is not valid (expired early, revoked): the account signs in again and the same
     * call is sent again, neither a retry nor a failover. A call that carried no ticket: its credentials were refused.
     */
    SIGN_IN_AGAIN,
    /** The account hit the per-minute limit: it may call again in 60 s. */
    ACCOUNT_PAUSED
}
