import java.util.ArrayList;
import java.util.List;

/** The table the measurements write, printed at the end, and what they share: every pindrop launch's start-up. */
final class Report {

    private final StringBuilder table = new StringBuilder();
    /** Launch to "Started hostpin" of every pindrop run, in seconds: measurement 5 reports them all. */
    final List<Double> startUps = new ArrayList<>();
    /** Seconds spent waiting for other processes to leave the machine quiet. */
    double quietWaited;

    void section(String format, Object... args) {
        line("");
        line(format, args);
    }

    void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        table.append(text).append('\n');
    }

    String table() {
        return table.toString();
    }
}
