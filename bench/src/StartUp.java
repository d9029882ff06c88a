import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 5. Start-up: launch of java -jar to the inbox being watched; every pindrop launch of this run counts.
 */
final class StartUp extends Measurement {

    StartUp(Map<String, String> options, Report report) {
        super(options, report);
    }

    @Override
    void measure() throws Exception {
        progress("5. start-up");
        List<Double> dedicated = new ArrayList<>();
        try (Proc sim = simulator("sim-startup", 0)) {
            for (int i = 0; i < 5; i++) {
                Run run = pindrop("startup-" + i, sim, 0, "none", Map.of(), List.of());
                dedicated.add(run.startUp());
            }
        }
        section("5. Start-up: launch of `java -jar target/pindrop.jar --once` -> log line \"%s\"", STARTED);
        List<Double> sorted = dedicated.stream().sorted().toList();
        line("  empty inbox, %d launches: median %.2f s (min %.2f, max %.2f)", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        List<Double> all = report.startUps.stream().sorted().toList();
        line("  all %d pindrop launches of this run: median %.2f s (min %.2f, max %.2f)", all.size(),
                all.get(all.size() / 2), all.get(0), all.get(all.size() - 1));
    }
}
