package pindrop.check;

import java.util.Optional;

import pindrop.batch.Batch;
import pindrop.spreadsheet.SpreadsheetRow;

/** What every job checks of a row's user: a usable id, and the first row of the file that names it. */
final class UserCheck {

    private final UserIdRule userIdRule = new UserIdRule();

    Optional<String> problem(SpreadsheetRow row, Batch batch) {
        int first = batch.firstRowOfUser(row.number());
        return userIdRule.problem(row.get(batch.userColumn()))
                .or(() -> first == 0 ? Optional.empty()
                        : Optional.of("user is listed again: row " + first + " already sets it, only that row is sent"));
    }
}
