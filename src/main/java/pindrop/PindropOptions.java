package pindrop;

import java.nio.file.Path;
import java.util.List;

/**
 * pindrop's own command line. Nothing is handed on to Camel main: its options (and its help, which exits 0
 * having done nothing) are not pindrop's, and an option pindrop does not know must stop it with exit 2.
 */
record PindropOptions(Command command, String job, Path file, int account) {

    /** What the run does. */
    enum Command {
        SERVICE, ONCE, HELP, TEMPLATE, AUTHORIZE
    }

    static final String USAGE = """
            Usage: java -jar pindrop.jar [OPTION]
              (none)                 a service: watches the inbox until Ctrl-C or SIGTERM
              --once                 processes what is in the inbox, then exits: 0 done, 1 a file was rejected,
                                     2 a setting or route to fix, 3 files wait (no admin account, outbox not writable)
              --template JOB FILE    writes JOB's input template (hostpin, audio-pin, user-settings, or a job added
                                     in routes/) to FILE, .xlsx (PIN columns kept as text) or .csv
              --authorize N          signs admin account N (WEBEX_ACCOUNT_N_*) in to Webex and keeps its token
              --help                 this text
            Settings come from application.properties and the environment (see the README).""";

    /** A command line pindrop cannot run; its message names the option and is followed by {@link #USAGE}. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static PindropOptions parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            return new PindropOptions(Command.SERVICE, null, null, 0);
        }
        String option = args.get(0);
        PindropOptions options = switch (option) {
            case "--once" -> new PindropOptions(Command.ONCE, null, null, 0);
            case "--help", "-h" -> new PindropOptions(Command.HELP, null, null, 0);
            case "--template" -> {
                if (args.size() < 3) {
                    throw new UsageException("--template needs a job and a file, e.g. --template hostpin pins.xlsx");
                }
                yield new PindropOptions(Command.TEMPLATE, args.get(1), Path.of(args.get(2)), 0);
            }
            case "--authorize" -> new PindropOptions(Command.AUTHORIZE, null, null, accountNumber(args));
            default -> throw new UsageException("unknown option " + option);
        };
        int used = switch (options.command()) {
            case TEMPLATE -> 3;
            case AUTHORIZE -> 2;
            default -> 1;
        };
        if (args.size() > used) {
            throw new UsageException("unknown option " + args.get(used) + " after " + option);
        }
        return options;
    }

    private static int accountNumber(List<String> args) throws UsageException {
        if (args.size() < 2 || !args.get(1).matches("[1-9][0-9]{0,3}")) {
            throw new UsageException("--authorize needs the number N of an account WEBEX_ACCOUNT_N_*, e.g. --authorize 1");
        }
        return Integer.parseInt(args.get(1));
    }
}
