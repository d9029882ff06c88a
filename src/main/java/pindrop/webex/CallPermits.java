package pindrop.webex;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * Webex's rate limit, kept where Webex counts: at most {@code rate} calls arrive at Webex in any period. A
 * call takes a permit before it is sent and gives it back once its answer (or its failure) is in; the permit
 * can be taken again one period later.
 * <p>
 * Why that is enough, whatever the delays between pindrop and Webex: say {@code rate + 1} calls arrived in
 * one period starting at t. Take the last of them to get its permit, at s. Each of the others got its permit
 * before s and was answered after its arrival, so after t: its permit is free again only after t + period.
 * The last call arrived before t + period and was sent after s, so s < t + period: all the others still held
 * their permits at s, and {@code rate} permits were held when it got one. A permit timed from the moment a
 * call leaves (Camel's Throttle) gives no such bound: a call held up on its way (a GC pause, a disk stall)
 * arrives in the same second as the calls sent a period after it.
 * <p>
 * Freeing a permit later than a period after the answer would only slow pindrop; freeing it sooner breaks the
 * bound when a call reaches Webex just before its answer leaves. The price is the time a call takes: with
 * answers that take L, a permit serves one call per period + L.
 * <p>
 * How long each call waited is {@code pindrop_throttle_wait_seconds} at /observe/metrics (nothing without a
 * registry, as with --once). Timed here rather than by Camel's micrometer endpoint in the route: that endpoint
 * converts its action from text to an enum on every call, a type converter lookup Camel does not cache, which
 * took 23% of pindrop's CPU (bench profile).
 */
public final class CallPermits implements CamelContextAware {

    private static final String WAIT_METRIC = "pindrop.throttle.wait";

    private final int rate;
    private final long periodNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    /** When the permits given back become free again (System.nanoTime), earliest first. */
    private final ArrayDeque<Long> resting = new ArrayDeque<>();
    private int inFlight;
    private CamelContext context;
    /** The wait timer, looked up at the first call: the metrics registry is bound by then, if at all. */
    private volatile Optional<Timer> waits;

    /**
     * @param rate         calls per period; 0 switches the limit off (a benchmark's "no limit", never Webex's)
     * @param periodMillis the period
     */
    public CallPermits(int rate, long periodMillis) {
        if (rate < 0 || periodMillis <= 0) {
            throw new IllegalArgumentException("webex.rate must be 0 (off) or more and webex.rate-period-ms more "
                    + "than 0, not " + rate + " and " + periodMillis);
        }
        this.rate = rate;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    /** Waits until a call may be sent. Every permit taken must be given back with {@link #release()}. */
    public void acquire() throws InterruptedException {
        long asked = System.nanoTime();
        take();
        waitTimer().ifPresent(timer -> timer.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS));
    }

    private void take() throws InterruptedException {
        if (rate == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                while (!resting.isEmpty() && resting.peekFirst() - now <= 0) {
                    resting.removeFirst();
                }
                if (inFlight + resting.size() < rate) {
                    inFlight++;
                    return;
                }
                if (resting.isEmpty()) {
                    returned.await();
                } else {
                    returned.awaitNanos(resting.peekFirst() - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The call's answer or failure is in: its permit is free again a period from now. */
    public void release() {
        if (rate == 0) {
            return;
        }
        lock.lock();
        try {
            inFlight--;
            resting.addLast(System.nanoTime() + periodNanos);
            // callers waiting for an answer now have a time to wait for instead
            returned.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Optional<Timer> waitTimer() {
        Optional<Timer> timer = waits;
        if (timer == null) {
            MeterRegistry registry = context == null ? null : context.getRegistry()
                    .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            // tagged as Camel's micrometer endpoint tagged it, so the series stays the same
            timer = Optional.ofNullable(registry).map(r -> Timer.builder(WAIT_METRIC)
                    .description("how long calls to Webex waited for a permit").tag("camelContext", context.getName())
                    .register(r));
            waits = timer;
        }
        return timer;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }
}
