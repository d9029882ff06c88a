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
    /** The account's credentials were refused for good (an expired session or token): set it aside. */
    CREDENTIALS_REFUSED,
    /** The account hit the per-minute limit: it may call again in 60 s. */
    ACCOUNT_PAUSED
}
