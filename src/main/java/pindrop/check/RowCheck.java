package pindrop.check;

import java.util.Optional;

import org.apache.camel.Exchange;

import pindrop.batch.Batch;
import pindrop.batch.Batches;
import pindrop.batch.JobColumns;
import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * The check of a job that writes one PIN (host PIN, audio PIN): the file needs the column the route names in
 * {@code valueColumn}; a row needs a usable user id, the first row of its user, a PIN Webex will accept. A row
 * that fails gets status INVALID and a reason in the route's variables; it is never sent.
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
    public JobColumns columns(Exchange exchange) {
        String names = exchange.getVariable("valueColumn", "", String.class).strip();
        if (names.isEmpty()) {
            throw new IllegalStateException("the route names no valueColumn, which rowCheck needs");
        }
        return JobColumns.oneOf(HeaderAliases.of(names.split("\\s*,\\s*")));
    }

    public void check(Exchange exchange) {
        Batch batch = exchange.getProperty(Batches.BATCH, Batch.class);
        SpreadsheetRow row = exchange.getVariable("input", SpreadsheetRow.class);
        problem(row, batch).ifPresent(reason -> invalid(exchange, reason));
    }

    Optional<String> problem(SpreadsheetRow row, Batch batch) {
        return userCheck.problem(row, batch).or(() -> pinRule.problem(row.get(batch.valueColumn())));
    }

    /** The row is rejected locally and never sent. */
    static void invalid(Exchange exchange, String reason) {
        exchange.setVariable("status", "INVALID");
        exchange.setVariable("reason", reason);
    }
}
