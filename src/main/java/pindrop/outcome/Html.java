package pindrop.outcome;

/** Text made safe for the pages pindrop writes: user ids, reasons and account states come from outside. */
public final class Html {

    private Html() {
    }

    /** HTML-escapes text for element content and quoted attribute values alike. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
