package pindrop.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.durable.DurableFiles;

/** Reports written from results files made by the real ResultsWriter, read back as text. */
class HtmlReportTest {

    static final String SCRIPT_USER = "<script>alert(1)</script>@x.com";
    static final String NOT_FOUND = "Corresponding User not found";
    static final String AMPERSAND_REASON = "PIN is a simple sequence & Webex refuses it";
    static final String NO_ACCOUNT = "no admin account can take a call now";

    @TempDir
    Path dir;

    @Test
    void groupsFailuresWithTheirRowsAndEscapesEveryValue() throws IOException {
        Path results = results(List.of(
                outcome(2, "alice@acme.com", Status.SUCCESS, "", ""),
                outcome(3, "ghost@acme.com", Status.FAILURE, "030001", NOT_FOUND),
                outcome(4, SCRIPT_USER, Status.FAILURE, "030001", NOT_FOUND),
                outcome(5, "carol@acme.com", Status.INVALID, "", "PIN is one repeated digit, which Webex refuses"),
                outcome(6, "dave@acme.com", Status.INVALID, "", AMPERSAND_REASON),
                outcome(7, "erin@acme.com", Status.DEFERRED, "", NO_ACCOUNT),
                outcome(8, "frank@acme.com", Status.DEFERRED, "", NO_ACCOUNT),
                outcome(9, "grace@acme.com", Status.ERROR, "", "000035 ASService not responding"),
                outcome(10, "heidi@acme.com", Status.SUCCESS, "", "")));
        Map<String, Object> summary = summary(false);
        summary.put("deferredUntil", "2024-05-02T14:30:00Z");

        String html = report(results, summary);

        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<title>pindrop report: pins.csv (hostpin)</title>"), html);
        assertEquals(List.of(3, 4), rowsOf(html, NOT_FOUND));
        assertEquals(List.of(5), rowsOf(html, "PIN is one repeated digit, which Webex refuses"));
        assertEquals(List.of(6), rowsOf(html, "PIN is a simple sequence &amp; Webex refuses it"));
        assertEquals(List.of(7, 8), rowsOf(html, NO_ACCOUNT));
        assertEquals(List.of(9), rowsOf(html, "000035 ASService not responding"));
        assertFalse(html.contains("alice@acme.com") || html.contains("heidi@acme.com"),
                "SUCCESS rows are only counted");
        for (String count : List.of("SUCCESS <b>2</b>", "FAILURE <b>2</b>", "INVALID <b>2</b>", "DEFERRED <b>2</b>",
                "ERROR <b>1</b>")) {
            assertTrue(html.contains(count), count);
        }
        assertFalse(html.contains("<script"), "markup from the results file must not become markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;@x.com"));
        assertFalse(html.contains(AMPERSAND_REASON), "a bare & must be escaped");
        assertTrue(html.contains("2 rows DEFERRED: drop pins.retry.csv into the inbox after 14:30 UTC"), html);
        assertTrue(html.contains("1 row ERROR: they are in pins.retry.csv too"), html);
        assertTrue(html.contains("2 rows INVALID: fix them in the spreadsheet"), html);
        assertTrue(html.contains(
                "2 rows FAILURE: 030001 means the user does not exist on the site: check the spelling"), html);
        assertTrue(html.contains("admin1@acme.com") && html.contains("2024-05-02 12:00:00 UTC"));
        assertFalse(html.contains("SIMULATED"));
    }

    @Test
    void simulatedRunsSaySoAndErrorsAloneAreSentAgainAtOnce() throws IOException {
        Path results = results(List.of(
                outcome(2, "alice@acme.com", Status.SUCCESS, "", ""),
                outcome(3, "bob@acme.com", Status.ERROR, "", "HTTP 503 from Webex")));

        String html = report(results, summary(true));

        assertTrue(html.contains("<p class=\"simulated\" role=\"alert\">SIMULATED"), html);
        assertTrue(html.contains("1 row ERROR: drop pins.retry.csv into the inbox again."), html);
    }

    @Test
    void deferredRowsWithoutAKnownTimeWaitForTheAccounts() throws IOException {
        Path results = results(List.of(outcome(2, "erin@acme.com", Status.DEFERRED, "", NO_ACCOUNT)));

        String html = report(results, summary(false));

        assertTrue(html.contains(
                "1 row DEFERRED: drop pins.retry.csv into the inbox after the admin accounts are usable again."), html);
    }

    @Test
    void aFileOfOnlySuccessesNeedsNothing() throws IOException {
        Path results = results(List.of(outcome(2, "alice@acme.com", Status.SUCCESS, "", "")));

        String html = report(results, summary(false));

        assertTrue(html.contains("<li>Nothing: the row succeeded.</li>"), html);
        assertTrue(html.contains("<p>None.</p>"));
    }

    @Test
    void aLargeFileListsTheFirstRowsOfEachReasonAndCountsTheRest() throws IOException {
        int rows = 200_000;
        List<Outcome> outcomes = new ArrayList<>(rows);
        for (int row = 2; row < rows + 2; row++) {
            outcomes.add(row % 2 == 0
                    ? outcome(row, "u" + row + "@acme.com", Status.FAILURE, "030001", NOT_FOUND)
                    : outcome(row, "u" + row + "@acme.com", Status.INVALID, "", "PIN is empty"));
        }
        Path results = results(outcomes);

        String html = report(results, summary(false));

        List<Integer> notFound = rowsOf(html, NOT_FOUND);
        assertEquals(FailureGroup.LISTED, notFound.size());
        assertEquals(2, notFound.get(0));
        assertEquals(100, notFound.get(FailureGroup.LISTED - 1));
        assertTrue(line(html, NOT_FOUND).contains("and 99,950 more"));
        assertEquals(FailureGroup.LISTED, rowsOf(html, "PIN is empty").size());
        assertTrue(html.contains("FAILURE <b>100,000</b>") && html.contains("INVALID <b>100,000</b>"));
    }

    @Test
    void reasonsThatNameARowAreListedUpToALimitAndTheRestCounted() throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (int row = 2; row < 1_002; row++) {
            outcomes.add(outcome(row, "same@acme.com", Status.INVALID, "",
                    "user is listed again: row " + (row - 1) + " already sets it, only that row is sent"));
        }

        String html = report(results(outcomes), summary(false));

        assertEquals(ResultsDigest.MAX_GROUPS + 1, html.split("<tr><td>", -1).length - 1);
        assertTrue(line(html, ResultsDigest.OTHER_REASONS).contains("<td class=\"num\">800</td>"), html);
    }

    @Test
    void aFileThatIsNotAResultsFileGetsNoReport() throws IOException {
        Path notResults = Files.writeString(dir.resolve("pins.csv"), "webExId,hostPIN\nalice@acme.com,4821\n");
        Path target = dir.resolve("pins.report.html");

        IOException e = assertThrows(IOException.class, () -> HtmlReport.write(notResults, summary(false), target, new DurableFiles()));

        assertTrue(e.getMessage().contains("no column row, status, exceptionId, reason"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    private String report(Path results, Map<String, Object> summary) throws IOException {
        Path target = dir.resolve("pins.report.html");
        HtmlReport.write(results, summary, target, new DurableFiles());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    "the hidden staging file is renamed, not left behind");
        }
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    /** The row numbers listed in the table row of the failure group with this (escaped) reason. */
    private static List<Integer> rowsOf(String html, String reason) {
        Matcher m = Pattern.compile("<li><b>(\\d+)</b>").matcher(line(html, reason));
        List<Integer> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(Integer.parseInt(m.group(1)));
        }
        return rows;
    }

    private static String line(String html, String reason) {
        return html.lines().filter(l -> l.startsWith("<tr>") && l.contains("<td>" + reason + "</td>"))
                .findFirst().orElseThrow(() -> new AssertionError("no group for " + reason + " in\n" + html));
    }

    private Path results(List<Outcome> outcomes) throws IOException {
        Path results = dir.resolve("pins.results.csv");
        try (ResultsWriter writer = new ResultsWriter(results, dir.resolve("pins.retry.csv"),
                List.of("webExId", "hostPIN"), 16)) {
            for (int i = 0; i < outcomes.size(); i++) {
                writer.add(i, outcomes.get(i));
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return results;
    }

    private static Outcome outcome(int row, String user, Status status, String exceptionId, String reason) {
        String account = status == Status.INVALID || status == Status.DEFERRED ? "" : "admin1@acme.com";
        return new Outcome(row, user, status, exceptionId, reason, account, account.isEmpty() ? 0 : 1,
                List.of(user, "4821"));
    }

    private static Map<String, Object> summary(boolean simulated) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", "pins.csv");
        summary.put("job", "hostpin");
        summary.put("status", "COMPLETED");
        summary.put("simulated", simulated);
        summary.put("started", "2024-05-02T11:58:30Z");
        summary.put("finished", "2024-05-02T12:00:00Z");
        summary.put("durationSeconds", 90.0);
        summary.put("accounts", List.of("admin1@acme.com"));
        summary.put("results", "pins.results.csv");
        summary.put("retry", "pins.retry.csv");
        return summary;
    }
}
