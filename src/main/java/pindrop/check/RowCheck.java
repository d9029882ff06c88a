package pindrop.check;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

import pindrop.batch.Batch;
import pindrop.batch.RowVariables;
import pindrop.batch.JobColumns;
import pindrop.outcome.RowVerdict;
import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * The check of a job that writes one PIN (host PIN, audio PIN): the file needs the column the route names in
 * {@code valueColumn}; a row needs a usable user id, the first row of its user, a PIN Webex will accept. A row
 * that fails is INVALID, never sent.
 */
public final class RowCheck {

    private final UserCheck userCheck = new UserCheck();
    private final PinRule pinRule;

    public RowCheck() {
        this(new PinRule());
    }

    /** The check of a job whose PIN has its own rule: the host PIN job's is the site's host PIN length. */
    public RowCheck(PinRule pinRule) {
        this.pinRule = pinRule;
    }

    /** The column the job writes: one of the comma-separated names in the route's variable {@code valueColumn}. */
    public JobColumns columns(@Variable(RowVariables.VALUE_COLUMN) String valueColumn) {
        String names = valueColumn == null ? "" : valueColumn.strip();
        if (names.isEmpty()) {
            throw new IllegalStateException("the route names no valueColumn, which rowCheck needs");
        }
        return JobColumns.oneOf(HeaderAliases.of(names.split("\\s*,\\s*")));
    }

    /** The row's verdict when it must not be sent (INVALID, with why); null when it may be. */
    public RowVerdict check(@ExchangeProperty(RowVariables.BATCH) Batch batch,
            @Variable(RowVariables.INPUT) SpreadsheetRow row) {
        return problem(row, batch).map(RowVerdict::invalid).orElse(null);
    }

    /** A job of one column sets that column's value, which the row document carries: no settings of a mapping. */
    public Map<String, String> settings() {
        return Map.of();
    }

    Optional<String> problem(SpreadsheetRow row, Batch batch) {
        return userCheck.problem(row, batch).or(() -> pinRule.problem(row.get(batch.valueColumn())));
    }
}
