package pindrop.outcome;

/**
 * A cell Excel would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, and the tab or carriage
 * return some importers strip first) is written with a leading apostrophe, so opening the results file never
 * runs anything a user id or a reason carried in (CSV injection).
 */
final class ExcelSafe {

    private ExcelSafe() {
    }

    static String text(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
