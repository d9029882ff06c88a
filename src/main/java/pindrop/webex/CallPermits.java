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
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.micrometer.MicrometerConstants;

import pindrop.batch.RowVariables;

/**
 * A hard ceiling on calls, kept where Webex counts: at most {@code rate} calls arrive at Webex in any period. A
 * call takes a permit before it is sent and gives it back once its answer (or its failure) is in; the permit can
 * be taken again a period after the latest moment the call can have reached Webex.
 * <p>
 * That latest moment: pindrop cannot see when a call reaches Webex, only that it was after its permit (s) and
 * before its answer (r). What the call does between them (choosing its credentials, writing its envelope, route
 * webex-post) only moves its arrival within [s, r]. A permit given back unused ({@link #giveBack}: no call was sent
 * on it) is free again at once. Freeing every permit a period after r keeps the bound whatever happens in between, and
 * costs a quarter of the rate when answers take 300 ms: a permit then serves a call every period + 300 ms. No
 * rule can do better knowing only s and r: were each call to arrive just before its answer, the calls after it
 * would have to keep a period from that. So the rule uses one more fact, measured: {@code floor}, the shortest
 * time from leaving to answer of the calls Webex answered (HTTP 200; {@link #sending}: after the permit, the
 * credentials and the envelope), once {@code rate} of them were (a warming
 * client's first calls are slow on pindrop's side). Its {@code credit} is the floor less a margin (5 ms and a
 * tenth of it) for the fastest call's own way to Webex. Assume every answered call reached Webex at least
 * {@code credit} before its answer was back (A). Then its permit is free again at r + period - credit; a call
 * without an answer (a dropped connection, a 5xx) still frees it at r + period.
 * <p>
 * Why the bound holds under (A): say {@code rate + 1} calls arrived in one period starting at t. Take the last of
 * them to get its permit, at s. Each of the others arrived after t, and by (A), or by its answer coming after its
 * arrival, its permit is free again only after t + period. The last call arrived before t + period and was sent
 * after s, so s < t + period: all the others still held their permits at s, and {@code rate} permits were held
 * when it got one. Contradiction.
 * <p>
 * Why (A) is safe to assume: what Webex spends on a call after counting it (hundreds of ms for SetUser) is in
 * every answer, the fastest included, while the way there is a few ms. A call held up between its permit and the
 * wire (a GC pause, a disk stall: what broke Camel's Throttle) arrives later but is answered later by as much, so
 * its r - arrival, and (A), are untouched. (A) fails only when Webex answers a call faster, after counting it,
 * than the fastest call took in all less the margin. With fast answers the credit is 0: the rule is the plain
 * one. With answers of a steady 300 ms it is about 265 ms: at rate 20 a permit serves a call every 1.035 s
 * (AccountFailoverTest measures 19/s, not 15/s, and never more than 20 in a second).
 * <p>
 * How long each call waited is {@code pindrop_throttle_wait_seconds} at /observe/metrics (nothing without a
 * registry, as with --once). Timed here rather than by Camel's micrometer endpoint in the route: that endpoint
 * converts its action from text to an enum on every call, a type converter lookup Camel does not cache, which
 * took 23% of pindrop's CPU (bench profile).
 */
public final class CallPermits implements CamelContextAware {

    private static final String WAIT_METRIC = "pindrop.throttle.wait";
    /** The part of the floor that may be the fastest call's way to Webex: 5 ms and a tenth of the floor. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final int rate;
    private final long periodNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    /** When the permits given back become free again (System.nanoTime), earliest first. */
    private final ArrayDeque<Long> resting = new ArrayDeque<>();
    private int inFlight;
    /** The shortest time from permit to an HTTP 200 answer seen so far (ns); none yet: no call reduces its rest. */
    private long floorNanos = Long.MAX_VALUE;
    /** Answers seen; the floor counts once {@code rate} calls were answered, past a warming client's slow calls. */
    private long answers;
    private CamelContext context;
    /** The wait timer, looked up at the first call: the metrics registry is bound by then, if at all. */
    private volatile Optional<Timer> waits;

    /**
     * @param rate         calls per period; 0 switches the limit off (no ceiling: the pace alone decides)
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

    /**
     * The route's side, just before the HTTP step (property {@link RowVariables#CALL_SENT}): when the call
     * leaves. The floor is timed from here: the call's credentials and envelope, chosen after its permit, take ms
     * that are not in its way to Webex and must not be in the credit.
     */
    public long sending() {
        return System.nanoTime();
    }

    /**
     * The route's side: the call's answer (HTTP 200 from Webex) or failure is in; nothing without a permit (its
     * wait failed, or it gave the permit back unused).
     *
     * @param permit when the call got its permit ({@link #acquire}, property {@link RowVariables#CALL_PERMIT})
     * @param sent   when it left ({@link #sending}), if it did
     */
    public void afterCall(@ExchangeProperty(RowVariables.CALL_PERMIT) Long permit,
            @ExchangeProperty(RowVariables.CALL_SENT) Long sent, @Header(Exchange.HTTP_RESPONSE_CODE) Integer code,
            @ExchangeException Exception failed, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        if (permit == null) {
            return;
        }
        boolean answered = sent != null && failed == null && caught == null && Integer.valueOf(200).equals(code);
        release(answered ? sent : permit, answered);
    }

    /**
     * The route's side: the call's permit goes back unused, free again at once: no call was sent on it (its
     * account's ticket ran out during the wait, and the account signs in before the call waits again).
     */
    public void giveBack(@ExchangeProperty(RowVariables.CALL_PERMIT) Long permit) {
        if (permit == null || rate == 0) {
            return;
        }
        lock.lock();
        try {
            inFlight--;
            returned.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a call may be sent, and says when it could (System.nanoTime). Every permit taken must be given
     * back with {@link #release}.
     */
    public long acquire() throws InterruptedException {
        long asked = System.nanoTime();
        take();
        long granted = System.nanoTime();
        waitTimer().ifPresent(timer -> timer.record(granted - asked, TimeUnit.NANOSECONDS));
        return granted;
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

    /**
     * The call's answer or failure is in: its permit is free again a period from now, less the floor when Webex
     * answered it (see the class's comment).
     *
     * @param granted  when the call left: got its permit ({@link #acquire()}), or later, just before the wire
     * @param answered whether Webex answered it with HTTP 200
     */
    public void release(long granted, boolean answered) {
        if (rate == 0) {
            return;
        }
        lock.lock();
        try {
            long now = System.nanoTime();
            inFlight--;
            if (answered && ++answers > rate) {
                floorNanos = Math.min(floorNanos, now - granted);
            }
            long free = now + periodNanos - credit();
            // kept in order: a permit never comes back sooner than one given back before it
            resting.addLast(resting.isEmpty() ? free : Math.max(free, resting.peekLast()));
            // callers waiting for an answer now have a time to wait for instead
            returned.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What an answered call's rest is shortened by: the floor less its margin, none before there is a floor. */
    private long credit() {
        return floorNanos == Long.MAX_VALUE ? 0 : Math.max(0, floorNanos - MARGIN_NANOS - floorNanos / 10);
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
