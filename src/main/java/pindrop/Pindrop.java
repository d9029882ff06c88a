package pindrop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;

import pindrop.signin.Authorize;
import pindrop.template.InputTemplate;
import pindrop.template.JobTemplates;
import pindrop.settings.EarlySetting;
import pindrop.job.RouteFailure;

/**
 * Starts pindrop: as a service watching the inbox, or with {@code --once} to process the inbox and exit
 * (0: every file got its outcome files, 1: a file was rejected, 2: pindrop could not start); or writes a job's
 * input template ({@code --template}). An unknown option exits 2 naming it, with pindrop's options.
 */
public final class Pindrop {

    private Pindrop() {
    }

    public static void main(String[] args) throws Exception {
        PindropOptions options;
        try {
            options = PindropOptions.parse(List.of(args));
        } catch (PindropOptions.UsageException e) {
            System.err.println("pindrop: " + e.getMessage() + "\n" + PindropOptions.USAGE);
            System.exit(2);
            return;
        }
        switch (options.command()) {
            case HELP -> System.out.println(PindropOptions.USAGE);
            case TEMPLATE -> System.exit(writeTemplate(options.job(), options.file()));
            case AUTHORIZE -> System.exit(Authorize.run(options.account()));
            // exit whatever threads still run (a route that did not load may leave some)
            case SERVICE, ONCE -> System.exit(run(new Main(), options.command() == PindropOptions.Command.ONCE));
        }
    }

    /**
     * Runs pindrop on {@code main} (its override properties already added) until it stops: with {@code once},
     * when the inbox is processed. The exit code: {@link OnceMode}'s, Camel main's, or 2 when it could not start.
     */
    static int run(Main main, boolean once) {
        main.configure().addConfiguration(new PindropConfiguration());
        OnceMode onceMode = once ? new OnceMode(main) : null;
        if (onceMode != null) {
            main.addMainListener(onceMode);
            main.addOverrideProperty("pindrop.once", "true");
            main.addOverrideProperty("pindrop.status.enabled", "false");
        }
        try {
            main.run();
        } catch (Exception e) {
            // a route that does not load, a bad setting: say so and where
            LoggerFactory.getLogger(Pindrop.class).error("pindrop could not start: {}",
                    RouteFailure.describe(main.getCamelContext(), e));
            return 2;
        }
        return onceMode != null ? onceMode.exitCode() : main.getExitCode();
    }

    /** 0 when written, 2 when the job is not one of the routes' (the message lists those there are). */
    private static int writeTemplate(String job, Path file) throws Exception {
        JobTemplates templates = new JobTemplates(Path.of(EarlySetting.get("pindrop.routes", "routes")));
        Optional<InputTemplate> template = templates.of(job);
        if (template.isEmpty()) {
            System.err.println("pindrop: there is no job " + job + "; the jobs are " + String.join(", ", templates.jobs()));
            return 2;
        }
        template.get().write(file);
        System.out.println("pindrop: " + file + " is the input template of job " + job + ": columns "
                + String.join(", ", template.get().columns()));
        return 0;
    }
}
