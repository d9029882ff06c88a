package pindrop.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;

import pindrop.batch.Batch;
import pindrop.batch.Batches;
import pindrop.batch.JobColumns;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * The check of a job whose columns a mapping file names (user-settings): the file's columns must be known to
 * the mapping; a row needs a usable user id, the first row of its user, and a valid value in each setting it
 * fills. A blank cell leaves that setting unchanged; a row that changes nothing is INVALID. A valid row's
 * settings go to the row document in the variable {@code settings}: element path to value, in mapping order.
 */
public final class SettingsCheck {

    /** Where the route's variable {@code mapping} is found, like the stylesheets. */
    private static final Path MAPPINGS = Path.of("xslt");
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
    public JobColumns columns(Exchange exchange) throws IOException {
        String mapping = exchange.getVariable("mapping", "", String.class).strip();
        if (mapping.isEmpty()) {
            throw new IllegalStateException("the route names no mapping, which settingsCheck needs");
        }
        try {
            return SettingsMapping.read(MAPPINGS.resolve(mapping));
        } catch (MappingException e) {
            // the file is rejected by the scan, with a reason that points at the line to fix
            return (fileName, header, userColumn) -> {
                throw new RejectedFileException(fileName + " was not processed: the job's mapping is broken: "
                        + e.getMessage());
            };
        }
    }

    public void check(Exchange exchange) {
        Batch batch = exchange.getProperty(Batches.BATCH, Batch.class);
        SpreadsheetRow row = exchange.getVariable("input", SpreadsheetRow.class);
        Optional<String> userProblem = userCheck.problem(row, batch);
        if (userProblem.isPresent()) {
            RowCheck.invalid(exchange, userProblem.get());
            return;
        }
        List<String> header = List.copyOf(row.columns().keySet());
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SettingsMapping.Setting setting : exchange.getVariable("columns", SettingsMapping.class).settings()) {
            // named as in the file, so a reason points at the column the user sees
            String column = setting.headerCell(header).filter(name -> !name.equals(batch.userColumn())).orElse("");
            String cell = row.get(column);
            if (!cell.isEmpty()) {
                problem(setting, cell).ifPresentOrElse(problem -> problems.add(column + ": " + problem),
                        () -> settings.put(setting.element(), value(setting, cell)));
            }
        }
        if (!problems.isEmpty()) {
            RowCheck.invalid(exchange, String.join("; ", problems));
        } else if (settings.isEmpty()) {
            RowCheck.invalid(exchange, "nothing to change: every setting of the row is blank");
        } else {
            exchange.setVariable("settings", settings);
        }
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
