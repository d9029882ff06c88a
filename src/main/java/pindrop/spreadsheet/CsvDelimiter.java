package pindrop.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The field separator, guessed from the header line: Excel writes "," or, in locales with a decimal comma,
 * ";", and TAB for "Unicode text". The one found most often outside quotes wins; "," when there is none.
 */
final class CsvDelimiter {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SNIFF_LIMIT = 65_536;

    private CsvDelimiter() {
    }

    /** Looks at the header line and leaves {@code text} where it was. */
    static char sniff(BufferedReader text) throws IOException {
        int[] counts = new int[CANDIDATES.length];
        text.mark(SNIFF_LIMIT);
        boolean quoted = false;
        int c;
        for (int read = 0; read < SNIFF_LIMIT && (c = text.read()) >= 0; read++) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int i = 0; i < CANDIDATES.length; i++) {
                    if (c == CANDIDATES[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        text.reset();
        int best = 0;
        for (int i = 1; i < CANDIDATES.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES[best];
    }
}
