package pindrop.batch;

/**
 * The MDC keys of a log line about a file, a row or an account: fields of their own in JSON logs
 * (pindrop.log.format=json), so a log platform can filter one file's run. Camel's MDC logging
 * (camel.main.mdc-logging-keys-pattern) carries them to the threads an exchange continues on and clears them after.
 */
public final class LogFields {

    public static final String FILE = "file";
    public static final String JOB = "job";
    public static final String ROW = "row";
    public static final String ACCOUNT = "account";

    private LogFields() {
    }
}
