package pindrop.batch;

import java.util.List;

import pindrop.spreadsheet.HeaderAliases;
import pindrop.spreadsheet.RejectedFileException;

/**
 * What a job needs of a file's columns besides the user column. The scan asks before any row is read, so a
 * file the job cannot use is REJECTED whole, with a reason that names the columns the job knows.
 */
@FunctionalInterface
public interface JobColumns {

    /** The one column the job writes, or "" when it writes several; a rejection when the file cannot serve the job. */
    String valueColumn(String fileName, List<String> header, String userColumn) throws RejectedFileException;

    /** A job that writes the one column found under one of {@code names}. */
    static JobColumns oneOf(HeaderAliases names) {
        return (fileName, header, userColumn) -> names.find(header)
                .orElseThrow(() -> Scan.missing(fileName, names.names().get(0), names, header));
    }
}
