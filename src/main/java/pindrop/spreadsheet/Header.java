package pindrop.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named columns of row 1. A column with a blank header cell has no name to be found or passed on
 * by, so its cells are left out (Excel exports often end the header with such empty columns).
 */
final class Header {

    private final List<String> names;
    private final int[] positions;

    private Header(List<String> names, int[] positions) {
        this.names = List.copyOf(names);
        this.positions = positions;
    }

    /** Checks that {@code first}, the first row of the file, is a usable header. */
    static Header of(String fileName, PhysicalRow first) throws RejectedFileException {
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<String, String> byKey = new HashMap<>();
        if (first.number() == 1) {
            for (int column = 0; column < first.cells().size(); column++) {
                String name = CellText.trim(first.cells().get(column));
                if (name.isEmpty()) {
                    continue;
                }
                String earlier = byKey.putIfAbsent(HeaderKey.of(name), name);
                if (earlier != null) {
                    throw new RejectedFileException(fileName + " has two columns named " + quoted(earlier, name)
                            + " (column names must differ by more than case and spaces)");
                }
                names.add(name);
                positions.add(column);
            }
        }
        if (names.isEmpty()) {
            throw new RejectedFileException(fileName
                    + " has no column names in row 1: the header row (webExId, hostPIN, ...) must come first");
        }
        return new Header(names, positions.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String quoted(String earlier, String later) {
        return earlier.equals(later) ? '"' + earlier + '"' : '"' + earlier + "\" and \"" + later + '"';
    }

    List<String> names() {
        return names;
    }

    /** Names the cells of {@code row}; empty when every named cell is blank, as such rows are skipped. */
    Optional<SpreadsheetRow> toRow(PhysicalRow row) {
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        boolean blank = true;
        for (int i = 0; i < positions.length; i++) {
            int position = positions[i];
            String text = position < row.cells().size() ? CellText.trim(row.cells().get(position)) : "";
            blank &= text.isEmpty();
            columns.put(names.get(i), text);
        }
        return blank ? Optional.empty() : Optional.of(new SpreadsheetRow(row.number(), columns));
    }
}
