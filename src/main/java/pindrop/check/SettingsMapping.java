package pindrop.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import pindrop.batch.JobColumns;
import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.RejectedFileException;

/**
 * A job's mapping file ({@code xslt/NAME.mapping.csv}): which spreadsheet column sets which SetUser element and
 * how its cell is checked, one line per column, for people who do not write Java. Every column of a dropped file
 * must be the user or be listed here, so a misspelt setting is never silently skipped.
 */
public final class SettingsMapping implements JobColumns {

    /** How a column's cell is checked and written; an ignored column is allowed in a file and never sent. */
    public enum Check {
        BOOLEAN, PIN, IGNORE
    }

    /** One line: a column, the element path it sets under bodyContent (empty when ignored), its check. */
    public record Setting(String column, String element, Check check) {

        /** The file's cell for this column, matched as loosely as any header (case, spaces). */
        Optional<String> headerCell(List<String> header) {
            return HeaderAliases.of(column).find(header);
        }
    }

    private static final List<String> HEADER = List.of("column", "element", "check");
    /** Element names as Webex spells them; an XML name, so the stylesheet can always create the element. */
    private static final Pattern ELEMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*)*");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();

    private final Path file;
    private final List<Setting> lines;

    private SettingsMapping(Path file, List<Setting> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    /** Reads and checks a mapping file: UTF-8 (a BOM is fine), a header {@code column,element,check} first. */
    public static SettingsMapping read(Path file) throws MappingException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new MappingException(file, 0, "there is no such file (the route's mapping parameter names it)");
        } catch (CharacterCodingException e) {
            throw new MappingException(file, 0, "save it as UTF-8 (CSV UTF-8 in Excel)");
        }
        try (CSVParser csv = FORMAT.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            if (!csv.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
                throw new MappingException(file, 0, "its first line (after # comments) must be "
                        + String.join(",", HEADER) + ", found " + String.join(",", csv.getHeaderNames()));
            }
            List<Setting> lines = new ArrayList<>();
            for (CSVRecord record : csv) {
                lines.add(setting(file, csv.getCurrentLineNumber(), record, lines));
            }
            if (lines.stream().allMatch(s -> s.check() == Check.IGNORE)) {
                throw new MappingException(file, 0, "it names no setting: add a line such as "
                        + "joinBeforeHost,personalTeleconf/joinBeforeHost,boolean");
            }
            return new SettingsMapping(file, lines);
        }
    }

    private static Setting setting(Path file, long line, CSVRecord record, List<Setting> earlier)
            throws MappingException {
        if (!record.isConsistent()) {
            throw new MappingException(file, line, "a line needs three values: column,element,check");
        }
        String column = record.get("column");
        String element = record.get("element");
        Check check;
        try {
            check = Check.valueOf(record.get("check").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingException(file, line, "check must be boolean, pin or ignore, found '"
                    + record.get("check") + "'");
        }
        if (column.isEmpty()) {
            throw new MappingException(file, line, "the column name is empty");
        }
        if (check == Check.IGNORE && !element.isEmpty()) {
            throw new MappingException(file, line, "an ignored column sets nothing: leave its element empty");
        }
        if (check != Check.IGNORE && !ELEMENT.matcher(element).matches()) {
            throw new MappingException(file, line, "element must be the SetUser element the column sets, e.g."
                    + " personalTeleconf/joinBeforeHost, found '" + element + "'");
        }
        if (element.equals("webExId") || element.startsWith("webExId/")) {
            throw new MappingException(file, line, "webExId is the row's user, which no column may change");
        }
        for (Setting other : earlier) {
            if (other.headerCell(List.of(column)).isPresent()) {
                throw new MappingException(file, line, "column " + column + " is listed twice");
            }
            if (!element.isEmpty() && !other.element().isEmpty() && overlap(element, other.element())) {
                throw new MappingException(file, line, "element " + element + " is set by column " + other.column()
                        + " already");
            }
        }
        return new Setting(column, element, check);
    }

    /** One element inside the other would be written twice, or as text and as a parent. */
    private static boolean overlap(String element, String other) {
        return element.equals(other) || element.startsWith(other + "/") || other.startsWith(element + "/");
    }

    /** The columns that set something, in the order their elements go into the SetUser body. */
    public List<Setting> settings() {
        return lines.stream().filter(s -> s.check() != Check.IGNORE).toList();
    }

    /** Every column is the user, a setting or ignored, and one at least is a setting; the job writes several. */
    @Override
    public String valueColumn(String fileName, List<String> header, String userColumn) throws RejectedFileException {
        List<String> unknown = header.stream().filter(cell -> !cell.equals(userColumn))
                .filter(cell -> lines.stream().noneMatch(s -> s.headerCell(List.of(cell)).isPresent())).toList();
        if (!unknown.isEmpty()) {
            List<String> ignored = lines.stream().filter(s -> s.check() == Check.IGNORE).map(Setting::column).toList();
            throw new RejectedFileException(fileName + " has " + (unknown.size() == 1 ? "a column" : "columns")
                    + " this job does not know: " + String.join(", ", unknown) + ". The columns it knows are "
                    + userColumn + " (the user), " + String.join(", ", settingColumns())
                    + (ignored.isEmpty() ? "" : ", and it ignores " + String.join(", ", ignored))
                    + ". Rename or remove the column, or add it to " + file + " (with check ignore to pass it over)");
        }
        if (settings().stream().noneMatch(s -> s.headerCell(header).filter(c -> !c.equals(userColumn)).isPresent())) {
            throw new RejectedFileException(fileName + " has no setting column: name one of its columns "
                    + String.join(" or ", settingColumns()));
        }
        return "";
    }

    private List<String> settingColumns() {
        return settings().stream().map(Setting::column).toList();
    }
}
