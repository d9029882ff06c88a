package pindrop.spreadsheet;

import java.math.BigDecimal;
import org.dhatim.fastexcel.reader.Cell;

/**
 * The text of an XLSX cell as Excel shows it. A formula cell holds the value Excel cached when it last
 * saved the file, typed like any other cell, so going by the value's type covers formulas too.
 */
final class XlsxCellText {

    private XlsxCellText() {
    }

    static String of(Cell cell) {
        Object value = cell.getValue();
        if (value instanceof BigDecimal number) {
            return DisplayedNumber.of(number, cell.getDataFormatString());
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        return value == null ? "" : value.toString(); // text, or an error such as #N/A as shown
    }
}
