package pindrop.outcome;

import static pindrop.outcome.Html.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import pindrop.durable.DurableFiles;

/**
 * {@code NAME.report.html}: one processed file's outcome for a person, in a single self-contained page (inline
 * CSS and SVG, no script, nothing fetched) that any browser opens from a share or a mail attachment. Every
 * value taken from the files is escaped: user ids and reasons come from the spreadsheet and from Webex.
 */
public final class HtmlReport {

    private static final Map<Status, String> COLOURS = new EnumMap<>(Map.of(
            Status.SUCCESS, "#2e7d32", Status.FAILURE, "#c62828", Status.INVALID, "#ef6c00",
            Status.DEFERRED, "#1565c0", Status.ERROR, "#6a1b9a", Status.VALID, "#00838f"));

    /** Width of the bar in SVG units; a status with any rows gets at least MIN_SEGMENT so it stays visible. */
    private static final double BAR = 1000;
    private static final double MIN_SEGMENT = 4;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:64rem;\
            margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
            h1{margin-bottom:.2rem;word-break:break-all}h1 small{font-weight:normal;color:#555;font-size:.55em}
            .simulated{background:#ffeb3b;border:3px solid #1b1b1b;padding:.8rem 1rem;font-size:1.2rem;font-weight:bold}
            svg.bar{width:100%;height:2.5rem;display:block;border:1px solid #888}
            ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem}
            .swatch{display:inline-block;width:1em;height:1em;vertical-align:-.15em;margin-right:.35em;\
            border:1px solid #555}
            .zero{color:#888}
            *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;\
            vertical-align:top;text-align:left}
            td.num{text-align:right;white-space:nowrap}
            .tag{color:#fff;padding:0 .35em;border-radius:.2em;font-weight:bold}
            ul.rows{list-style:none;padding:0;margin:0;font-size:.9em}ul.rows li{display:inline-block;margin-right:1em;\
            word-break:break-all}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report for one processed file. The results file is read as a stream: per reason only the count
     * and the first {@value FailureGroup#LISTED} rows are kept, so a file of a million rows needs little memory.
     * The report appears at {@code target} complete or not at all: it is written to a hidden file beside it
     * and renamed.
     */
    public static void write(Path resultsCsv, Map<String, Object> summary, Path target, DurableFiles durable)
            throws IOException {
        byte[] html = render(ResultsDigest.read(resultsCsv), summary, resultsCsv.getFileName().toString())
                .getBytes(StandardCharsets.UTF_8);
        durable.replace(target, out -> out.write(html));
    }

    /** The page as text; bounded in size because the digest is. */
    private static String render(ResultsDigest digest, Map<String, Object> summary, String resultsName) {
        boolean simulated = Boolean.TRUE.equals(summary.get("simulated"));
        String file = text(summary.get("file"), resultsName);
        String job = text(summary.get("job"), "");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(simulated ? "[SIMULATED] " : "").append("pindrop report: ")
                .append(escape(file)).append(job.isEmpty() ? "" : " (" + escape(job) + ")").append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        if (simulated) {
            h.append("<p class=\"simulated\" role=\"alert\">SIMULATED: pindrop ran on its built-in Webex simulator. ")
                    .append("No real Webex site was changed.</p>\n");
        }
        h.append("<h1>").append(escape(file))
                .append(job.isEmpty() ? "" : " <small>job " + escape(job) + "</small>").append("</h1>\n")
                .append("<p>").append(escape(text(summary.get("status"), "COMPLETED"))).append(": ")
                .append(NextSteps.rows(digest.total())).append(" in the results.</p>\n");
        counts(digest, Status.of(Boolean.TRUE.equals(summary.get("dryRun"))), h);
        failures(digest, h);
        h.append("<h2>What to do next</h2>\n<ul>\n");
        NextSteps.of(digest, summary).forEach(step -> h.append("<li>").append(escape(step)).append("</li>\n"));
        h.append("</ul>\n");
        run(summary, h);
        return h.append("</body>\n</html>\n").toString();
    }

    /** The counts as one stacked bar with a legend of the run's statuses; the legend carries the exact numbers. */
    private static void counts(ResultsDigest digest, List<Status> statuses, StringBuilder h) {
        h.append("<h2>Rows by status</h2>\n");
        long total = digest.total();
        if (total > 0) {
            Map<Status, Double> widths = new EnumMap<>(Status.class);
            for (Status s : statuses) {
                long n = digest.count(s);
                if (n > 0) {
                    widths.put(s, Math.max(MIN_SEGMENT, BAR * n / total));
                }
            }
            double scale = BAR / widths.values().stream().mapToDouble(Double::doubleValue).sum();
            String label = statuses.stream().map(s -> s + " " + digest.count(s))
                    .collect(Collectors.joining(", "));
            h.append("<svg class=\"bar\" viewBox=\"0 0 1000 40\" preserveAspectRatio=\"none\" role=\"img\" ")
                    .append("aria-label=\"").append(label).append("\">\n");
            double x = 0;
            for (Map.Entry<Status, Double> w : widths.entrySet()) {
                double width = w.getValue() * scale;
                h.append(String.format(Locale.ROOT,
                                "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"40\" fill=\"%s\">",
                                x, width, COLOURS.get(w.getKey())))
                        .append("<title>").append(w.getKey()).append(' ').append(number(digest.count(w.getKey())))
                        .append("</title></rect>\n");
                x += width;
            }
            h.append("</svg>\n");
        }
        h.append("<ul class=\"legend\">\n");
        for (Status s : statuses) {
            long n = digest.count(s);
            h.append("<li").append(n == 0 ? " class=\"zero\"" : "")
                    .append("><span class=\"swatch\" style=\"background:")
                    .append(COLOURS.get(s)).append("\"></span>").append(s).append(" <b>").append(number(n))
                    .append("</b> (").append(escape(percent(n, total))).append(")</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void failures(ResultsDigest digest, StringBuilder h) {
        h.append("<h2>Rows that did not succeed</h2>\n");
        List<FailureGroup> groups = digest.groups();
        if (groups.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>status</th><th>exceptionId</th><th>reason</th><th>rows</th>")
                .append("<th>row numbers (user id)</th></tr></thead>\n<tbody>\n");
        for (FailureGroup g : groups) {
            h.append("<tr><td><span class=\"tag\" style=\"background:").append(COLOURS.get(g.status())).append("\">")
                    .append(g.status()).append("</span></td><td>").append(escape(g.exceptionId())).append("</td><td>")
                    .append(escape(g.reason())).append("</td><td class=\"num\">").append(number(g.count()))
                    .append("</td><td><ul class=\"rows\">");
            int[] rows = g.listedRows();
            String[] users = g.listedUsers();
            for (int i = 0; i < rows.length; i++) {
                h.append("<li><b>").append(rows[i]).append("</b>")
                        .append(users[i].isEmpty() ? "" : " " + escape(users[i])).append("</li>");
            }
            h.append("</ul>");
            if (g.unlisted() > 0) {
                h.append("and ").append(number(g.unlisted())).append(" more");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void run(Map<String, Object> summary, StringBuilder h) {
        h.append("<h2>Run</h2>\n<dl>\n");
        entry(h, "Started", time(summary.get("started")));
        entry(h, "Finished", time(summary.get("finished")));
        entry(h, "Duration", duration(summary.get("durationSeconds")));
        entry(h, "Accounts used", summary.get("accounts") instanceof Collection<?> accounts && !accounts.isEmpty()
                ? accounts.stream().map(String::valueOf).collect(Collectors.joining(", ")) : "none");
        entry(h, "Results file", text(summary.get("results"), ""));
        entry(h, "Retry file", text(summary.get("retry"), ""));
        h.append("</dl>\n");
    }

    private static void entry(StringBuilder h, String name, String value) {
        h.append("<dt>").append(name).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : value.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(long n, long total) {
        if (n == 0 || total == 0) {
            return "0%";
        }
        double p = 100.0 * n / total;
        return p < 0.1 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** An ISO instant as a person reads it; shown as it is when it is not one. */
    private static String time(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(iso.toString()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    private static String duration(Object seconds) {
        if (!(seconds instanceof Number n)) {
            return text(seconds, "");
        }
        double s = n.doubleValue();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d h %02d min %02d s", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
