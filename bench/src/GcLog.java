import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Post-collection heap sizes from a -Xlog:gc file: {uptime seconds, heap after MiB}. */
final class GcLog {
    /** Collections only: a Remark or Cleanup line shows the heap in the middle of a concurrent cycle. */
    private static final Pattern LINE =
            Pattern.compile("^\\[([\\d.]+)s\\].*Pause (?:Young|Full).*\\s(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static List<double[]> read(Path file) throws IOException {
        List<double[]> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String l : Files.readAllLines(file)) {
            Matcher m = LINE.matcher(l);
            if (m.find()) {
                out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3))});
            }
        }
        return out;
    }
}
