package pindrop.status;

import pindrop.signin.SignInStatus;

import static pindrop.outcome.Html.escape;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pindrop.batch.Pace;

/**
 * The status page: a self-contained page (inline CSS, no script, nothing fetched) that reloads itself, so any
 * browser shows a run live. Every value is escaped: file names, account ids and reasons come from outside.
 */
final class StatusHtml {

    private static final int REFRESH_SECONDS = 5;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:64rem;\
            margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
            .meta{color:#555}.alert{background:#ffcdd2;border:2px solid #c62828;padding:.6rem 1rem}
            .ok{background:#e8f5e9;border:2px solid #2e7d32;padding:.6rem 1rem}
            section.file{border:1px solid #bbb;padding:.2rem 1rem 1rem;margin-bottom:1rem}
            h3{word-break:break-all}progress{width:100%;height:1.6rem}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;\
            text-align:left;vertical-align:top}td.num{text-align:right}
            """;

    private StatusHtml() {
    }

    /**
     * @param templates the jobs whose input templates the page links
     * @param signIns   how the accounts sign in, or null for no such section
     */
    static String render(RunStatus status, List<String> templates, SignInStatus signIns) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>pindrop status</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>pindrop status</h1>\n<p class=\"meta\">As of ").append(escape(time(status.at())))
                .append(", refreshed every ").append(REFRESH_SECONDS).append(" s. ")
                .append("<a href=\"status.json\">JSON</a> · <a href=\"observe/health\">health</a> · ")
                .append("<a href=\"observe/metrics\">metrics</a></p>\n");
        if (status.accountUsable()) {
            h.append("<p class=\"ok\" id=\"accounts-verdict\">An admin account can take calls.</p>\n");
        } else {
            h.append("<p class=\"alert\" id=\"accounts-verdict\" role=\"alert\">Files wait in the inbox: ")
                    .append(escape(status.reason())).append("</p>\n");
        }
        files(status, h);
        accounts(status, h);
        templates(templates, h);
        if (signIns != null && !signIns.accounts().isEmpty()) {
            signIns(signIns, h);
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void signIns(SignInStatus signIns, StringBuilder h) {
        h.append("<h2>Signing in</h2>\n<table class=\"signins\">\n<tr><th>account</th><th>sign-ins</th>")
                .append("<th>ticket issued</th><th>ticket runs out</th><th>access token runs out</th>")
                .append("<th>refresh token runs out</th><th>warning</th></tr>\n");
        for (SignInStatus.AccountSignIn a : signIns.accounts()) {
            h.append("<tr class=\"signin\"><td>").append(escape(a.id())).append("</td><td class=\"num\">")
                    .append(a.signIns()).append("</td><td>")
                    .append(a.perCallCredentials() ? "takes no tickets" : optionalTime(a.ticketIssued()))
                    .append("</td><td>").append(optionalTime(a.ticketExpires())).append("</td><td>")
                    .append(optionalTime(a.accessTokenExpires())).append("</td><td>")
                    .append(optionalTime(a.refreshTokenExpires())).append("</td><td>")
                    .append(escape(a.warning() == null ? "" : a.warning())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String optionalTime(String iso) {
        return iso == null ? "" : escape(time(iso));
    }

    private static void files(RunStatus status, StringBuilder h) {
        h.append("<h2>Files in progress</h2>\n");
        if (status.files().isEmpty()) {
            h.append("<p id=\"idle\">No file is being processed.</p>\n");
        }
        for (RunStatus.FileProgress f : status.files()) {
            String of = f.done() + " of " + f.rows() + " rows";
            h.append("<section class=\"file\">\n<h3><span class=\"name\">").append(escape(f.file()))
                    .append("</span> <small>").append(escape(f.job())).append(f.dryRun() ? ", dry run" : "")
                    .append("</small></h3>\n")
                    // max must be positive: a file without data rows is complete at once
                    .append("<progress class=\"rows\" value=\"").append(f.done()).append("\" max=\"")
                    .append(Math.max(1, f.rows())).append("\">").append(of).append("</progress>\n")
                    .append("<p><span class=\"done\">").append(f.done()).append("</span> of <span class=\"total\">")
                    .append(f.rows()).append("</span> rows (").append(percent(f.done(), f.rows())).append(") · ")
                    .append(String.format(Locale.ROOT, "%.1f", f.rowsPerSecond())).append(" rows/s · ")
                    .append(f.etaSeconds() == null ? "time left unknown"
                            : "about " + Pace.format(Duration.ofSeconds(f.etaSeconds())) + " left")
                    .append("</p>\n<table class=\"counts\">\n<tr>");
            for (String s : f.counts().keySet()) {
                h.append("<th>").append(escape(s)).append("</th>");
            }
            h.append("</tr>\n<tr>");
            for (Map.Entry<String, Long> c : f.counts().entrySet()) {
                h.append("<td class=\"num\" data-status=\"").append(escape(c.getKey())).append("\">")
                        .append(c.getValue()).append("</td>");
            }
            h.append("</tr>\n</table>\n</section>\n");
        }
    }

    private static void accounts(RunStatus status, StringBuilder h) {
        h.append("<h2>Admin accounts</h2>\n");
        if (status.accounts().isEmpty()) {
            h.append("<p>No admin account is configured.</p>\n");
            return;
        }
        h.append("<table class=\"accounts\">\n<tr><th>account</th><th>state</th><th>calls made</th>")
                .append("<th>calls left</th><th>limit learned (calls/min)</th><th>pace (calls/min)</th>")
                .append("<th>why</th></tr>\n");
        for (RunStatus.AccountStatus a : status.accounts()) {
            h.append("<tr class=\"account\"><td>").append(escape(a.id())).append("</td><td class=\"state\">")
                    .append(escape(state(a))).append("</td><td class=\"num\">").append(a.calls())
                    .append("</td><td class=\"num\">").append(a.callsLeft()).append("</td><td class=\"num limit\">")
                    .append(a.learnedLimitPerMinute() == null ? "not met yet" : a.learnedLimitPerMinute())
                    .append("</td><td class=\"num pace\">").append(a.pacePerMinute() == null ? "" : a.pacePerMinute())
                    .append("</td><td>").append(escape(a.why() == null ? "" : a.why())).append("</td></tr>\n");
        }
        h.append("</table>\n<p id=\"site-pace\">The site as a whole: ").append(status.site().learnedLimitPerMinute()
                == null ? "no limit of its own met yet" : "limit learned " + status.site().learnedLimitPerMinute()
                + " calls/min, pace " + status.site().pacePerMinute() + " calls/min").append(".</p>\n");
    }

    /** Where an admin starts a file from: each job's blank sheet, PIN columns already text. */
    private static void templates(List<String> jobs, StringBuilder h) {
        h.append("<h2>Input templates</h2>\n<ul class=\"templates\">\n");
        for (String job : jobs) {
            h.append("<li>").append(escape(job)).append(": <a href=\"templates/").append(escape(job))
                    .append(".xlsx\">").append(escape(job)).append(".xlsx</a> · <a href=\"templates/")
                    .append(escape(job)).append(".csv\">CSV</a></li>\n");
        }
        h.append("</ul>\n");
    }

    /** The account's state as an operator reads it. */
    private static String state(RunStatus.AccountStatus a) {
        String back = a.backAt() == null ? "" : time(a.backAt());
        return switch (a.state()) {
            case READY -> a.inUse() ? "ready, in use" : a.callsLeft() > 0 ? "ready"
                    : "quota used up until " + back;
            case RESTING -> "cooling down until " + back;
            case SET_ASIDE -> "set aside";
            case UNCHECKED -> "not checked yet";
        };
    }

    private static String percent(long done, long rows) {
        return rows == 0 ? "100%" : String.format(Locale.ROOT, "%.0f%%", Math.floor(100.0 * done / rows));
    }

    private static String time(String iso) {
        return TIME.format(Instant.parse(iso));
    }
}
