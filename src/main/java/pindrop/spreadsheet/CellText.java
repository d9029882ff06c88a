package pindrop.spreadsheet;

/** Cell text as it should be compared and sent: without the spaces around it that nobody sees. */
final class CellText {

    private CellText() {
    }

    /** Trims whitespace, including the non-breaking spaces that copying from web pages and Excel leaves. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlankChar(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /** Whitespace, Unicode spaces such as U+00A0, and a BOM that slipped into a cell. */
    static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
