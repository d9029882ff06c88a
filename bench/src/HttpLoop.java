import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare HTTP baseline: POSTs pre-built SetUser envelopes to the simulator, {@code threads} calls in flight,
 * with HttpURLConnection and keep-alive, and nothing else (no file, no XSLT, no routing). With 1 thread it is the
 * naive sequential client: one call after the other.
 *
 * <pre>java -cp bench-classes HttpLoop URL THREADS ROWS</pre>
 * prints {@code HTTPLOOP rows=.. ok=.. seconds=.. cpuSeconds=..}: the time and this JVM's CPU of the loop alone,
 * the envelopes being built before the clock starts.
 */
public final class HttpLoop {

    public static void main(String[] args) throws Exception {
        URL url = new URL(args[0]);
        int threads = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        // HttpURLConnection keeps only 5 idle connections per host by default: with more threads the rest would
        // be closed after each call, and the loop would measure connection set-up instead of calls
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, threads)));
        List<String> pins = Inputs.validPins();
        byte[][] envelopes = new byte[rows][];
        for (int i = 0; i < rows; i++) {
            envelopes[i] = envelope("loop" + i + "@acme.com", pins.get(i % pins.size()));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < rows) {
                    try {
                        if (post(url, envelopes[i])) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
            }, "loop-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("HTTPLOOP rows=%d ok=%d failed=%d seconds=%.3f cpuSeconds=%.3f%n", rows, ok.get(),
                failed.get(), seconds, cpu);
    }

    private static boolean post(URL url, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) url.openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "text/xml; charset=UTF-8");
        http.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
        int status = http.getResponseCode();
        ByteArrayOutputStream answer = new ByteArrayOutputStream(512);
        // read to the end and close (not disconnect): that returns the connection to the keep-alive cache
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            if (in != null) {
                in.transferTo(answer);
            }
        }
        return status == 200 && answer.toString(StandardCharsets.UTF_8).contains("<serv:result>SUCCESS</serv:result>");
    }

    /** What xslt/setuser-hostpin.xsl inside xslt/envelope.xsl produces for one row, byte for byte in shape. */
    static byte[] envelope(String user, String pin) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><serv:message"
                + " xmlns:serv=\"http://www.webex.com/schemas/2002/06/service\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><header><securityContext>"
                + "<siteName>acme</siteName><webExID>" + Measurement.ADMIN_ID + "</webExID><password>" + Measurement.ADMIN_PASSWORD
                + "</password></securityContext></header><body>"
                + "<bodyContent xsi:type=\"java:com.webex.service.binding.user.SetUser\"><webExId>" + user
                + "</webExId><personalMeetingRoom><hostPIN>" + pin + "</hostPIN></personalMeetingRoom></bodyContent>"
                + "</body></serv:message>").getBytes(StandardCharsets.UTF_8);
    }
}
