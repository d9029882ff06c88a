package pindrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.batch.Batches;
import pindrop.batch.InboxGate;
import pindrop.batch.JobFolders;
import pindrop.webex.SiteFailureBreaker;
import pindrop.settings.DurationSetting;

/**
 * {@code --once}: stops pindrop when every input file that is in the inbox (or a job's folder inside it)
 * has been processed, and chooses the exit code: 0 when every file got its outcome files, 1 when a file
 * could not be processed at all, 3 when no admin account can take a call within {@code webex.account-wait}
 * (the files stay in the inbox) or the whole site failed (SiteFailureBreaker: rows DEFERRED in the retry file).
 */
final class OnceMode extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OnceMode.class);
    private static final long POLL_MILLIS = 200;

    private final Main main;
    private volatile int exitCode;

    OnceMode(Main main) {
        this.main = main;
    }

    int exitCode() {
        return exitCode;
    }

    @Override
    public void afterStart(BaseMainSupport support) {
        CamelContext context = support.getCamelContext();
        Path inbox = Path.of(context.resolvePropertyPlaceholders("{{pindrop.inbox}}"));
        Pattern inputs = Pattern.compile(context.resolvePropertyPlaceholders("{{pindrop.input-pattern}}"));
        InboxGate gate = context.getRegistry().lookupByNameAndType("inboxGate", InboxGate.class);
        Duration accountWait = DurationSetting.parse("webex.account-wait",
                context.resolvePropertyPlaceholders("{{webex.account-wait}}"));
        Thread watcher = new Thread(() -> {
            Optional<String> closed = awaitDrained(context, inbox, inputs, gate, accountWait);
            int rejected = context.getRegistry().lookupByNameAndType("batches", Batches.class).rejectedCount();
            // rows the whole site failed are DEFERRED in the retry file: the run did not do its work
            closed = closed.or(() -> context.getRegistry().lookupByNameAndType("siteFailures",
                    SiteFailureBreaker.class).trippedSinceStart());
            if (closed.isPresent()) {
                exitCode = 3;
                LOG.error("--once: files stay in the inbox, {}", closed.get());
            } else {
                exitCode = rejected == 0 ? 0 : 1;
                LOG.info("--once: the inbox is processed{}", rejected == 0 ? "" : ", " + rejected + " file(s) REJECTED");
            }
            main.completed();
        }, "pindrop-once");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Waits until no input file waits or is in progress and no exchange is in flight, twice in a row; or until
     * files wait while the account gate is closed and no account can come back within {@code accountWait},
     * whose reason it returns. Dry runs need no account: a file waiting in a dry-run folder is taken whatever
     * the gate says.
     */
    private static Optional<String> awaitDrained(CamelContext context, Path inbox, Pattern inputs, InboxGate gate,
            Duration accountWait) {
        int quiet = 0;
        while (quiet < 2) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            List<Path> folders = folders(inbox);
            boolean inFlight = context.getInflightRepository().size() > 0;
            boolean waiting = folders.stream().anyMatch(f -> hasWork(f, inputs));
            boolean dryRunsWait = folders.stream().filter(JobFolders::isDryRun).anyMatch(f -> hasWork(f, inputs));
            if (waiting && !dryRunsWait && !inFlight) {
                Optional<String> closed = gate.closedBeyond(accountWait);
                if (closed.isPresent()) {
                    return closed;
                }
            }
            quiet = inFlight || waiting ? 0 : quiet + 1;
        }
        return Optional.empty();
    }

    private static List<Path> folders(Path inbox) {
        try {
            return JobFolders.of(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasWork(Path folder, Pattern inputs) {
        return waiting(folder, inputs) || inProgress(folder);
    }

    private static boolean waiting(Path folder, Pattern inputs) {
        return list(folder).anyMatch(f -> Files.isRegularFile(f) && inputs.matcher(f.getFileName().toString()).matches());
    }

    private static boolean inProgress(Path folder) {
        return list(folder.resolve(".inprogress")).findAny().isPresent();
    }

    private static Stream<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
