package pindrop.spreadsheet;

import java.util.List;
import java.util.Optional;

/**
 * The names a column may go by, e.g. the user column is "webExId" in Webex's own export but "email" in
 * a hand-made sheet. Matching ignores case, whitespace and BOM, as people type headers loosely.
 */
public final class HeaderAliases {

    private final List<String> names;
    private final List<String> keys;

    private HeaderAliases(List<String> names) {
        this.names = names;
        this.keys = names.stream().map(HeaderKey::of).toList();
    }

    /** The accepted names in order of preference. */
    public static HeaderAliases of(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one column name is needed");
        }
        return new HeaderAliases(List.of(names));
    }

    /** The accepted names as given, for messages such as "no column webExId (or email, user)". */
    public List<String> names() {
        return names;
    }

    /**
     * The header cell that matches; when several do, the one matching the earliest alias wins, so a sheet
     * with both "webExId" and "email" columns is read by "webExId" whatever the column order.
     */
    public Optional<String> find(List<String> header) {
        for (String key : keys) {
            for (String cell : header) {
                if (HeaderKey.of(cell).equals(key)) {
                    return Optional.of(cell);
                }
            }
        }
        return Optional.empty();
    }
}
