package pindrop.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The "What to do next" of a report: one plain-text line of advice per kind of row that did not succeed. */
final class NextSteps {

    /** FAILURE codes whose cause is known well enough to say what to fix; other codes get the generic line. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of(
            "030001", "means the user does not exist on the site: check the spelling of these user ids",
            "000001", "means the admin account lacks privileges: use a site administrator account",
            "000000", "means Webex could not forward the request: check webex.site and webex.url");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private NextSteps() {
    }

    static List<String> of(ResultsDigest digest, Map<String, Object> summary) {
        List<String> steps = new ArrayList<>();
        if (Boolean.TRUE.equals(summary.get("simulated"))) {
            steps.add("This run used pindrop's built-in simulator, so no real site was changed: set WEBEX_SITE and "
                    + "the admin accounts to run it for real.");
        }
        String retry = String.valueOf(summary.getOrDefault("retry", "the retry file"));
        boolean dryRun = Boolean.TRUE.equals(summary.get("dryRun"));
        failures(digest, steps);
        long invalid = digest.count(Status.INVALID);
        if (invalid > 0) {
            steps.add(rows(invalid) + " INVALID: fix them in the spreadsheet (reasons above) and drop a file "
                    + "with only those rows.");
        }
        long deferred = digest.count(Status.DEFERRED);
        Object siteFailure = summary.get("siteFailure");
        if (deferred > 0 && siteFailure != null) {
            steps.add(rows(deferred) + " DEFERRED because the whole site failed, not the rows: " + siteFailure
                    + ". Drop " + retry + " into the inbox once the site works again (a service pindrop sends them"
                    + " by itself).");
        } else if (deferred > 0) {
            steps.add(rows(deferred) + " DEFERRED: drop " + retry + " into the inbox "
                    + when(summary.get("deferredUntil"), summary.get("finished")) + ".");
        }
        long error = digest.count(Status.ERROR);
        if (error > 0) {
            // the retry file holds both kinds: telling to drop it now would send the DEFERRED rows too early
            steps.add(rows(error) + " ERROR: " + (deferred > 0
                    ? "they are in " + retry + " too and go again with the DEFERRED rows."
                    : "drop " + retry + " into the " + (dryRun ? "dry-run folder" : "inbox") + " again."));
        }
        long valid = digest.count(Status.VALID);
        if (valid > 0) {
            steps.add(rows(valid) + " VALID: this was a dry run and nothing was sent; drop the file into the job's "
                    + "folder (not its dry-run folder) to send them.");
        }
        if (digest.total() == 0) {
            steps.add("Nothing: the file had no data rows.");
        } else if (digest.count(Status.SUCCESS) == digest.total()) {
            steps.add("Nothing: " + (digest.total() == 1 ? "the row" : "all " + rows(digest.total())) + " succeeded.");
        }
        return steps;
    }

    /** "1 row", "12,345 rows". */
    static String rows(long n) {
        return String.format(Locale.ROOT, "%,d row%s", n, n == 1 ? "" : "s");
    }

    private static void failures(ResultsDigest digest, List<String> steps) {
        Map<String, Long> byCode = new TreeMap<>();
        digest.groups().stream().filter(g -> g.status() == Status.FAILURE)
                .forEach(g -> byCode.merge(g.exceptionId(), g.count(), Long::sum));
        byCode.forEach((code, n) -> {
            steps.add(KNOWN_FAILURES.containsKey(code)
                    ? rows(n) + " FAILURE: " + code + " " + KNOWN_FAILURES.get(code)
                            + ", then drop a file with only those rows."
                    : rows(n) + " FAILURE" + (code.isEmpty() ? "" : " " + code)
                            + ": Webex refused them (reasons above); sent again unchanged, they fail again.");
        });
    }

    /** When the DEFERRED rows can go: at the time the accounts are usable again, if the run knows it. */
    private static String when(Object deferredUntil, Object finished) {
        String generic = "after the admin accounts are usable again";
        if (deferredUntil == null) {
            return generic;
        }
        try {
            Instant until = Instant.parse(deferredUntil.toString());
            // the cool-down can cross midnight: then the date is part of the answer
            boolean sameDay = finished != null && utcDay(Instant.parse(finished.toString())).equals(utcDay(until));
            return "after " + (sameDay ? TIME : DATE_TIME).format(until)
                    + " UTC, when the admin accounts are usable again";
        } catch (DateTimeParseException e) {
            return generic;
        }
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
