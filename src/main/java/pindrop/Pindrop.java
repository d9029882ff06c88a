package pindrop;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;

import pindrop.signin.Authorize;

/**
 * Starts pindrop: as a service watching the inbox, or with {@code --once} to process the inbox and exit
 * (0: every file got its outcome files, 1: a file was rejected, 2: pindrop could not start).
 */
public final class Pindrop {

    private Pindrop() {
    }

    public static void main(String[] args) throws Exception {
        if (Authorize.asked(args)) {
            System.exit(Authorize.run(args));
        }
        List<String> camelArgs = new ArrayList<>(List.of(args));
        boolean once = camelArgs.remove("--once");
        Main main = new Main();
        main.configure().addConfiguration(new PindropConfiguration());
        OnceMode onceMode = once ? new OnceMode(main) : null;
        if (onceMode != null) {
            main.addMainListener(onceMode);
            main.addOverrideProperty("pindrop.once", "true");
            main.addOverrideProperty("pindrop.status.enabled", "false");
        }
        try {
            main.run(camelArgs.toArray(String[]::new));
        } catch (Exception e) {
            // a route that does not load, a bad setting: say so and where, and exit, whatever threads still run
            LoggerFactory.getLogger(Pindrop.class).error("pindrop could not start: {}",
                    RouteFailure.describe(main.getCamelContext(), e));
            System.exit(2);
        }
        System.exit(onceMode != null ? onceMode.exitCode() : main.getExitCode());
    }
}
