package pindrop.outcome;

/** Outcome file names derived from an input's name, safe to place in the outbox whatever the input was called. */
final class OutcomeNames {

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
        return safe.isEmpty() ? "input" : safe;
    }
}
