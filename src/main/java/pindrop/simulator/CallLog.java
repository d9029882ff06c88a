package pindrop.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every call the simulator received, in the order their answers were decided. */
final class CallLog {

    private final List<WebexSimulator.Call> calls = new ArrayList<>();

    synchronized void add(WebexSimulator.Call call) {
        calls.add(call);
    }

    synchronized List<WebexSimulator.Call> snapshot() {
        return List.copyOf(calls);
    }

    synchronized int count(Predicate<WebexSimulator.Call> which) {
        return (int) calls.stream().filter(which).count();
    }

    synchronized void clear() {
        calls.clear();
    }
}
