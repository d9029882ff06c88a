package pindrop.spreadsheet;

import java.util.List;

/** A row as stored in the file, before the header gives its cells names: untrimmed, possibly blank. */
record PhysicalRow(int number, List<String> cells) {
}
