package pindrop;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/** A test of pindrop against a simulated site: a temporary root, the simulator and pindrop, both closed after. */
abstract class SiteTest {

    @TempDir
    Path root;
    WebexSimulator simulator;
    RunningPindrop pindrop;

    @AfterEach
    void stopPindropAndSite() {
        if (pindrop != null) {
            pindrop.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
