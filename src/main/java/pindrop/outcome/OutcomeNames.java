package pindrop.outcome;

/** Outcome file names derived from an input's name, safe to place in the outbox whatever the input was called. */
final class OutcomeNames {

    static final int MAX_STEM_BYTES = 200;

    private OutcomeNames() {
    }

    /** The input's name without folders and extension, with anything that is not a plain name character replaced. */
    static String stem(String inputName) {
        String name = inputName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String safe = name.replaceAll("[^\\p{L}\\p{N} ._+-]", "_").replaceAll("^[.]+", "_").strip();
        return safe.isEmpty() ? "input" : shortened(safe);
    }

    /**
     * At most {@link #MAX_STEM_BYTES} bytes of UTF-8, cut between characters: a file name may have 255 bytes, and
     * the longest outcome file adds 23 to the stem (".NAME-99.summary.json.part").
     */
    private static String shortened(String stem) {
        int bytes = 0;
        for (int i = 0; i < stem.length(); i += Character.charCount(stem.codePointAt(i))) {
            int c = stem.codePointAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes > MAX_STEM_BYTES) {
                return stem.substring(0, i);
            }
        }
        return stem;
    }
}
