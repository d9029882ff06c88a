package pindrop.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

import pindrop.batch.Batch;
import pindrop.batch.RowVariables;
import pindrop.batch.JobColumns;
import pindrop.outcome.RowVerdict;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * The check of a job whose columns a mapping file names (user-settings): the file's columns must be known to
 * the mapping; a row needs a usable user id, the first row of its user, and a valid value in each setting it
 * fills. A blank cell leaves that setting unchanged; a row that changes nothing is INVALID. A valid row's
 * settings ({@link #settings}) go to the row document.
 */
public final class SettingsCheck {

    /** Where the route's variable {@code mapping} is found, like the stylesheets. */
    public static final Path MAPPINGS = Path.of("xslt");
    private static final List<String> TRUE = List.of("true", "yes", "1");
    private static final List<String> FALSE = List.of("false", "no", "0");

    private final UserCheck userCheck = new UserCheck();
    private final PinRule pinRule = new PinRule();
    private final PinRule hostPinRule;

    public SettingsCheck() {
        this(PinRule.DEFAULT_LENGTH);
    }

    /** @param hostPinLength the site's host PIN length, for a column that sets personalMeetingRoom/hostPIN */
    public SettingsCheck(int hostPinLength) {
        this.hostPinRule = PinRule.hostPin(hostPinLength);
    }

    /** The mapping the route names, read afresh for each file: an edit applies to the next file dropped. */
    public JobColumns columns(@Variable(RowVariables.MAPPING) String mapping) throws IOException {
        String file = mapping == null ? "" : mapping.strip();
        if (file.isEmpty()) {
            throw new IllegalStateException("the route names no mapping, which settingsCheck needs");
        }
        try {
            return SettingsMapping.read(MAPPINGS.resolve(file));
        } catch (MappingException e) {
            // the file is rejected by the scan, with a reason that points at the line to fix
            return (fileName, header, userColumn) -> {
                throw new RejectedFileException(fileName + " was not processed: the job's mapping is broken: "
                        + e.getMessage());
            };
        }
    }

    /** The row's verdict when it must not be sent (INVALID, with why); null when it may be. */
    public RowVerdict check(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @Variable(RowVariables.INPUT) SpreadsheetRow row,
            @Variable(RowVariables.COLUMNS) SettingsMapping mapping) {
        Optional<String> userProblem = userCheck.problem(row, batch);
        if (userProblem.isPresent()) {
            return RowVerdict.invalid(userProblem.get());
        }
        List<Filled> filled = filled(batch, row, mapping);
        List<String> problems = new ArrayList<>();
        for (Filled cell : filled) {
            problem(cell.setting(), cell.text()).ifPresent(problem -> problems.add(cell.column() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            return RowVerdict.invalid(String.join("; ", problems));
        }
        return filled.isEmpty() ? RowVerdict.invalid("nothing to change: every setting of the row is blank") : null;
    }

    /** What a checked row sets: element path to the value as Webex reads it, in mapping order. */
    public Map<String, String> settings(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @Variable(RowVariables.INPUT) SpreadsheetRow row,
            @Variable(RowVariables.COLUMNS) SettingsMapping mapping) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Filled cell : filled(batch, row, mapping)) {
            settings.put(cell.setting().element(), value(cell.setting(), cell.text()));
        }
        return settings;
    }

    /** A setting the row fills: a blank cell leaves that setting as it is. */
    private record Filled(SettingsMapping.Setting setting, String column, String text) {
    }

    private static List<Filled> filled(Batch batch, SpreadsheetRow row, SettingsMapping mapping) {
        List<String> header = List.copyOf(row.columns().keySet());
        List<Filled> filled = new ArrayList<>();
        for (SettingsMapping.Setting setting : mapping.settings()) {
            // named as in the file, so a reason points at the column the user sees
            String column = setting.headerCell(header).filter(name -> !name.equals(batch.userColumn())).orElse("");
            String cell = row.get(column);
            if (!cell.isEmpty()) {
                filled.add(new Filled(setting, column, cell));
            }
        }
        return filled;
    }

    private Optional<String> problem(SettingsMapping.Setting setting, String cell) {
        return switch (setting.check()) {
            case PIN -> (setting.element().endsWith("hostPIN") ? hostPinRule : pinRule).problem(cell);
            case BOOLEAN -> TRUE.contains(lower(cell)) || FALSE.contains(lower(cell)) ? Optional.empty()
                    : Optional.of("must be true or false (yes/no and 1/0 are fine too)");
            case IGNORE -> Optional.empty();
        };
    }

    /** The value as Webex reads it: xs:boolean is lower-case true or false. */
    private static String value(SettingsMapping.Setting setting, String cell) {
        return setting.check() == SettingsMapping.Check.BOOLEAN ? Boolean.toString(TRUE.contains(lower(cell))) : cell;
    }

    private static String lower(String cell) {
        return cell.toLowerCase(Locale.ROOT);
    }
}
