import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a pindrop run (bench/run.sh --jfr DIR) the way the benchmark's findings are
 * reported: the hottest methods by CPU sample (self and inclusive), where the work under a given frame goes,
 * and the allocation sites by estimated bytes with their callers.
 *
 * <pre>java bench/src/JfrTop.java RECORDING.jfr [N] [--under FRAME_SUBSTRING] [--from SECONDS]</pre>
 * {@code --from} skips the events of the first SECONDS of the recording, e.g. the JIT warm-up.
 */
public final class JfrTop {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 20;
        String under = null;
        double from = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--under")) {
                under = args[i + 1];
            } else if (args[i].equals("--from")) {
                from = Double.parseDouble(args[i + 1]);
            }
        }
        Map<String, Double> self = new HashMap<>();
        Map<String, Double> inclusive = new HashMap<>();
        Map<String, Double> children = new HashMap<>();
        Map<String, Double> allocation = new HashMap<>();
        double samples = 0;
        double underSamples = 0;
        double bytes = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        java.time.Instant start = events.stream().map(RecordedEvent::getStartTime).min(java.time.Instant::compareTo)
                .orElse(java.time.Instant.EPOCH).plusMillis((long) (from * 1000));
        for (RecordedEvent event : events) {
            if (event.getStartTime().isBefore(start)) {
                continue;
            }
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : stack.getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            if (frames.isEmpty()) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(frames.get(0), 1.0, Double::sum);
                Set<String> seen = new HashSet<>(frames);
                seen.forEach(f -> inclusive.merge(f, 1.0, Double::sum));
                if (under != null) {
                    for (int i = frames.size() - 1; i >= 0; i--) {
                        if (frames.get(i).contains(under)) {
                            underSamples++;
                            children.merge(i == 0 ? "<self>" : frames.get(i - 1), 1.0, Double::sum);
                            break;
                        }
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                double weight = event.getLong("weight");
                bytes += weight;
                // the allocating frame and the first caller outside java.* / sun.* / jdk.*, which says who asked
                String site = frames.get(0);
                for (String f : frames) {
                    if (!f.startsWith("java.") && !f.startsWith("sun.") && !f.startsWith("jdk.")) {
                        site = site.equals(f) ? f : site + "  <- " + f;
                        break;
                    }
                }
                allocation.merge(site, weight, Double::sum);
            }
        }
        System.out.printf("%s: %.0f CPU samples, %.2f GB allocation sampled%n", file, samples, bytes / 1e9);
        print("CPU, self", self, samples, n);
        print("CPU, inclusive", inclusive, samples, n);
        if (under != null) {
            System.out.printf("%nunder %s: %.1f%% of all samples, by the frame called from it%n", under,
                    100 * underSamples / samples);
            print("", children, samples, n);
        }
        print("allocation by site (allocating frame <- first non-JDK caller)", allocation, bytes, n);
    }

    private static void print(String title, Map<String, Double> counts, double total, int n) {
        if (!title.isEmpty()) {
            System.out.printf("%n--- %s%n", title);
        }
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
    }
}
