package pindrop.simulator;

import java.util.Random;

/**
 * Draws the random faults: one draw per call decides between a reset connection, HTTP 503, a 000035 answer
 * and no fault. A fixed seed gives the same sequence of faults on every run.
 */
final class FaultInjector {

    enum Fault { NONE, RESET, HTTP_503, BACKEND }

    private final double resetRate;
    private final double http503Rate;
    private final double backendFaultRate;
    private final long seed;
    private volatile Random random;

    FaultInjector(double resetRate, double http503Rate, double backendFaultRate, long seed) {
        this.resetRate = resetRate;
        this.http503Rate = http503Rate;
        this.backendFaultRate = backendFaultRate;
        this.seed = seed;
        this.random = new Random(seed);
    }

    Fault next() {
        double draw = random.nextDouble(); // java.util.Random is thread-safe
        if (draw < resetRate) {
            return Fault.RESET;
        }
        if (draw < resetRate + http503Rate) {
            return Fault.HTTP_503;
        }
        return draw < resetRate + http503Rate + backendFaultRate ? Fault.BACKEND : Fault.NONE;
    }

    /** Starts the seeded sequence again. */
    void reset() {
        random = new Random(seed);
    }
}
