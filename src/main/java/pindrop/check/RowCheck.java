package pindrop.check;

import java.util.Optional;

import org.apache.camel.Exchange;

import pindrop.batch.Batch;
import pindrop.batch.Batches;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * The local checks a row passes before any call: a usable user id, the first row of its user, a PIN Webex
 * will accept. A row that fails gets status INVALID and a reason in the route's variables; it is never sent.
 */
public final class RowCheck {

    private final UserIdRule userIdRule = new UserIdRule();
    private final PinRule pinRule = new PinRule();

    public void check(Exchange exchange) {
        Batch batch = exchange.getProperty(Batches.BATCH, Batch.class);
        SpreadsheetRow row = exchange.getVariable("input", SpreadsheetRow.class);
        problem(row, batch).ifPresent(reason -> {
            exchange.setVariable("status", "INVALID");
            exchange.setVariable("reason", reason);
        });
    }

    Optional<String> problem(SpreadsheetRow row, Batch batch) {
        int first = batch.firstRowOfUser(row.number());
        return userIdRule.problem(row.get(batch.userColumn()))
                .or(() -> first == 0 ? Optional.empty()
                        : Optional.of("user is listed again: row " + first + " already sets it, only that row is sent"))
                .or(() -> pinRule.problem(row.get(batch.valueColumn())));
    }
}
