import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child process whose output lines are time-stamped as they arrive and copied to WORK/NAME.log. */
final class Proc implements AutoCloseable {
    final String name;
    final Process process;
    final long pid;
    final long launchNs;
    String endpoint;
    private final List<Object[]> lines = new ArrayList<>();
    private final List<Object[]> hooks = new ArrayList<>();
    private final Thread reader;

    private Proc(String name, Process process, long launchNs, Path log) {
        this.name = name;
        this.process = process;
        this.pid = process.pid();
        this.launchNs = launchNs;
        reader = new Thread(() -> read(log), "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Proc start(String name, List<String> command, Map<String, String> env, Path cwd, Path work)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        // nothing of the caller's shell may steer pindrop: only what the benchmark sets
        builder.environment().keySet().removeIf(k -> k.startsWith("WEBEX_") || k.startsWith("PINDROP_")
                || k.startsWith("CAMEL_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        long launch = System.nanoTime();
        return new Proc(name, builder.start(), launch, work.resolve(name + ".log"));
    }

    private void read(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String l;
            while ((l = in.readLine()) != null) {
                long now = System.nanoTime();
                out.println(l);
                List<Runnable> due = new ArrayList<>();
                synchronized (this) {
                    lines.add(new Object[] {now, l});
                    for (Object[] hook : hooks) {
                        if (hook[1] != null && l.contains((String) hook[0])) {
                            due.add((Runnable) hook[1]);
                            hook[1] = null;
                        }
                    }
                    notifyAll();
                }
                due.forEach(Runnable::run);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Runs {@code action} on the reader thread as soon as a line containing {@code text} arrives. */
    void onLine(String text, Runnable action) {
        synchronized (this) {
            if (lineTime(text) == 0) {
                hooks.add(new Object[] {text, action});
                return;
            }
        }
        action.run(); // the line came already
    }

    synchronized long lineTime(Object what) {
        for (Object[] l : lines) {
            String text = (String) l[1];
            if (what instanceof Pattern p ? p.matcher(text).find() : text.contains((String) what)) {
                return (Long) l[0];
            }
        }
        return 0;
    }

    /** {arrival ns, first group as a number} of every line matching {@code pattern}. */
    synchronized List<long[]> matches(Pattern pattern) {
        List<long[]> out = new ArrayList<>();
        for (Object[] l : lines) {
            Matcher m = pattern.matcher((String) l[1]);
            if (m.find()) {
                out.add(new long[] {(Long) l[0], Long.parseLong(m.group(1))});
            }
        }
        return out;
    }

    synchronized String waitForLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Object[] l : lines) {
                String text = (String) l[1];
                if (text.startsWith(prefix)) {
                    return text;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                return null;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
        }
    }

    void awaitEndpoint() throws InterruptedException {
        String l = waitForLine("Webex simulator for site", Duration.ofSeconds(30));
        if (l == null) {
            throw new IllegalStateException(name + " did not start");
        }
        endpoint = l.substring(l.indexOf(" at ") + 4).trim();
    }

    int port() {
        return Integer.parseInt(endpoint.replaceFirst("^\\w+://[^:/]+:(\\d+)/.*$", "$1"));
    }

    void send(String command) throws IOException {
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    void drain() throws InterruptedException {
        reader.join(5000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the simulator's shutdown hook closes it
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
