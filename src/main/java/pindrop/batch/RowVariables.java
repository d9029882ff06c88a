package pindrop.batch;

/**
 * What travels with a file and its rows through a job route, as camel-file's {@code FileConstants} documents its
 * headers: each name with its type, the route step that writes it and the steps that read it. Variables are
 * written in the routes (a {@code setVariable} whose {@code method:} is a bean's), so the YAML shows each writer;
 * beans take them by Camel's parameter binding ({@code @Variable}, {@code @ExchangeProperty}) and return their
 * result. The same list heads {@code routes/spreadsheet-job.camel.yaml}.
 * <p>
 * Naming: variables are camelCase and belong to the file's exchange or to one row's copy of it; exchange
 * properties are what Camel or pindrop's own machinery carries beside them, named {@code Pindrop…} as Camel names
 * its own {@code Camel…}.
 */
public final class RowVariables {

    // --- set once per file, by the job template from its parameters (constants) ---

    /** {@code String}: the job's name (hostpin, audio-pin …). Readers: batches.open, the metrics, the summaries. */
    public static final String JOB = "job";
    /** {@code String}: for rowCheck, the names the job's column may go by. Reader: rowCheck.columns. */
    public static final String VALUE_COLUMN = "valueColumn";
    /** {@code String}: for settingsCheck, the mapping file in xslt/. Reader: settingsCheck.columns. */
    public static final String MAPPING = "mapping";
    /** {@code String}: the stylesheet in xslt/ that writes the row's request. Reader: route envelope (toD). */
    public static final String STYLESHEET = "stylesheet";
    /** {@code Boolean}: a dry run (nothing is sent to SetUser). Readers: batches.open, the job route's choice. */
    public static final String DRY_RUN = "dryRun";
    /**
     * {@link JobColumns}: what the job needs of a file's columns. Writer: the job's check (columns). Reader:
     * batches.open.
     */
    public static final String COLUMNS = "columns";

    // --- set for each row ---

    /** {@code SpreadsheetRow}: the row as the spreadsheet has it. Writer: the job route (the split's body). */
    public static final String INPUT = "input";
    /**
     * {@code pindrop.outcome.Outcome}: the outcome an interrupted run gave the row, which is not sent again; null
     * for a row to process. Writer: batches.resumed. Readers: batches.record, the job route's filter.
     */
    public static final String RESUMED = "resumed";
    /**
     * {@code AtomicInteger}: calls made for the row, an interrupted run's included; one counter shared by the
     * failover's copies of the row. Writer: batches.earlierCalls; counted by setUserCall.starting and unsent,
     * userLookup.starting.
     */
    public static final String ATTEMPTS = "attempts";
    /**
     * {@link pindrop.outcome.RowVerdict}: the row's status, exceptionID and reason; null while the row is on its
     * way. Writers: the job's check (INVALID), setUserCall (SUCCESS, FAILURE, DEFERRED, ERROR), dryRunPlan
     * (VALID), userLookup (INVALID, ERROR), siteFailures.deferred (DEFERRED), batches.failRow (ERROR); each through a
     * {@code setVariable} in the route. Readers: batches.record, siteFailures.observe and deferred, userLookup.judge.
     */
    public static final String VERDICT = "verdict";
    /**
     * {@code Map<String,String>}: element path to value, the settings a valid row sets. Writer: the job's check
     * (settings). Reader: rowDocument.
     */
    public static final String SETTINGS = "settings";
    /**
     * {@code NodeInfo}: the row as the XML document its stylesheet reads. Writer: rowDocument.document. Reader: route
     * envelope.
     */
    public static final String ROW = "row";
    /**
     * {@code String}: the admin account id the row went out on (or would, in a dry run). Writers: route
     * webex-attempt (from property PindropAccount; removed again when the stylesheet cannot write the request),
     * dryRunPlan. Reader: batches.record.
     */
    public static final String ACCOUNT = "account";
    /**
     * {@code String}: the site name for the envelope. Writer: routes webex-setuser, account-check, dry-run. Reader:
     * envelope.xsl.
     */
    public static final String SITE = "site";
    /**
     * {@code String}: the calling account's id. Writer: route envelope (from property PindropAccount). Readers:
     * envelope.xsl, the call metrics.
     */
    public static final String CALLER_ID = "callerId";
    /**
     * {@code String}: what the call carries: its password, access token or session ticket (the others ""). Writer:
     * route envelope, from property PindropCredentials, removed again once the envelope is written (its doFinally).
     * Reader: envelope.xsl.
     */
    public static final String CALLER_PASSWORD = "callerPassword";
    /** {@code String}: see {@link #CALLER_PASSWORD}. */
    public static final String CALLER_TOKEN = "callerToken";
    /** {@code String}: see {@link #CALLER_PASSWORD}. */
    public static final String SESSION_TICKET = "sessionTicket";
    /**
     * {@code Boolean}: the call already went out again after a 030047 to its session ticket: a fresh ticket refused
     * at once is not renewed twice. Writers: routes webex-attempt and user-lookup (false when the account is taken,
     * true when it signed in again). Readers: setUserCall.signInAgain, userLookup.signInAgain.
     */
    public static final String RESENT_FOR_TICKET = "resentForTicket";

    /**
     * {@code SiteFailureBreaker.Call}: the call's number in the order calls went out, whether it is the one row sent
     * to learn whether the whole site works again (through its retries), and why it is not sent, if not. Writer:
     * siteFailures.admit (route webex-attempt). Readers: siteFailures.admit (a retry's) and observe, route
     * webex-attempt.
     */
    public static final String SITE_CALL = "siteCall";
    /**
     * {@code SiteFailureBreaker.Answer}: what the row's answer did to the breaker: the streak it joined, or why the
     * site failed. Writer: siteFailures.observe (route webex-attempt). Reader: route webex-attempt.
     */
    public static final String SITE_ANSWER = "siteAnswer";
    /**
     * {@code SiteFailureBreaker.Streak}: the run of one code over many users this row's answer joined; the row's
     * outcome waits until it is decided. Writer: route webex-attempt (from siteAnswer). Reader: batches.record.
     */
    public static final String SITE_STREAK = "siteStreak";
    /**
     * {@code String}: why the row was DEFERRED because the whole site fails. Writer: route webex-attempt (from
     * siteCall or siteAnswer). Readers: siteFailures.deferred, batches.record.
     */
    public static final String SITE_FAILURE = "siteFailure";

    /**
     * {@code Boolean}: the call goes out (again): true before the first try, and after a 030047 to the account's
     * session ticket once it signed in again. Writer and reader: the loops of routes webex-attempt and user-lookup.
     */
    public static final String SEND = "send";
    /**
     * {@code Boolean}: the call is a sign-in, which carries what it signs in with: route webex-post chooses no
     * credentials for it. Writer: route account-signin. Reader: route webex-post.
     */
    public static final String SIGNING_IN = "signingIn";

    // --- exchange properties ---

    /** {@link Batch}: the file being processed. Writer: batches.open. Readers: every row step. */
    public static final String BATCH = "PindropBatch";
    /**
     * {@code pindrop.account.Account}: the account of the call in flight. Writers: routes webex-attempt
     * (setUserCall.take) and user-lookup (userLookup.account); the account check and the sign-in set it on the
     * exchange they send. Readers: route webex-post (accountPermits, signIn), route envelope, the beans' judge,
     * signInAgain, noCredentials and unsent.
     */
    public static final String CALL_ACCOUNT = "PindropAccount";
    /**
     * {@code pindrop.signin.Credentials}: what the call in flight carries (its session ticket, so a 030047 says
     * which one was refused); its {@code toString} names no secret. Writer: route webex-post (signIn.credentials,
     * once the call holds its permits, so no wait for them outlasts a ticket or token); the sign-in sets its own on
     * the exchange it sends. Readers: route envelope, the judges, signInAgain, the account check.
     */
    public static final String CALL_CREDENTIALS = "PindropCredentials";
    /**
     * {@code Long} (System.nanoTime): when the call in flight got its permit of {@code webex.rate}. Writer: route
     * webex-post (callPermits.acquire); callPermits.giveBack and afterCall give it back, and the route removes it.
     */
    public static final String CALL_PERMIT = "PindropCallPermit";
    /**
     * {@code Long} (System.nanoTime): when the call in flight got its account's permit of
     * {@code webex.account-rate}, null without that ceiling. Writer: route webex-post (accountPermits.acquire);
     * accountPermits.giveBack and afterCall give it back, and the route removes it.
     */
    public static final String ACCOUNT_PERMIT = "PindropAccountPermit";
    /**
     * {@code Long} (System.nanoTime): when the call in flight left for Webex. Writer: route webex-post
     * (callPermits.sending, just before the HTTP step). Readers: CallPermits and AccountPermits, which time
     * their floor from it; removed in webex-post's doFinally.
     */
    public static final String CALL_SENT = "PindropCallSent";
    /**
     * {@code String}: where the input goes when the route is done, read by the file consumer's {@code move}. Writer:
     * batches.
     */
    public static final String MOVE_TO = "PindropMoveTo";

    private RowVariables() {
    }
}
