package pindrop.spreadsheet;

import java.util.Locale;

/** How column names compare: "Host PIN", "hostpin" and "\uFEFFHostPin" are the same column. */
final class HeaderKey {

    private HeaderKey() {
    }

    static String of(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!CellText.isBlankChar(c)) {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
