package pindrop.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.RejectedFileException;
import pindrop.spreadsheet.SpreadsheetException;
import pindrop.spreadsheet.SpreadsheetReader;
import pindrop.spreadsheet.SpreadsheetRow;

/**
 * What one pass over a file found before anything is sent: its columns, how many data rows it has, and
 * which rows name a user an earlier row named. A file that cannot be read to its end is rejected here,
 * so a problem in row 9,000 never leaves a file half sent.
 */
record Scan(List<String> header, String userColumn, String valueColumn, int rows, Map<Integer, Integer> duplicateOf) {

    static Scan of(Path file, String displayName, HeaderAliases user, JobColumns job) throws RejectedFileException {
        try (SpreadsheetReader reader = SpreadsheetReader.open(file)) {
            List<String> header = reader.header();
            String userColumn = user.find(header).orElseThrow(() -> missing(displayName, "user", user, header));
            String valueColumn = job.valueColumn(displayName, header, userColumn);
            UserIndex firstRows = new UserIndex();
            Map<Integer, Integer> duplicateOf = new HashMap<>();
            int rows = 0;
            while (reader.hasNext()) {
                SpreadsheetRow row = reader.next();
                rows++;
                String id = row.get(userColumn);
                if (!id.isEmpty()) {
                    int first = firstRows.firstRow(id, row.number());
                    if (first != row.number()) {
                        duplicateOf.put(row.number(), first);
                    }
                }
            }
            return new Scan(header, userColumn, valueColumn, rows, duplicateOf);
        } catch (SpreadsheetException e) {
            throw new RejectedFileException(e.getMessage());
        } catch (java.io.IOException e) {
            throw new RejectedFileException(displayName + " could not be read: " + e.getMessage());
        }
    }

    static RejectedFileException missing(String file, String role, HeaderAliases aliases, List<String> header) {
        return new RejectedFileException(file + " has no " + role + " column: name one of its columns "
                + String.join(" or ", aliases.names()) + " (its columns are: " + String.join(", ", header) + ")");
    }
}
