package pindrop.status;

import java.io.InputStream;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import pindrop.account.AccountPool;
import pindrop.webex.MalformedResponseException;
import pindrop.webex.WebexResponse;

/**
 * {@code pindrop_webex_calls_total{account, result}}: every call to Webex (SetUser and the GetUser checks) by
 * admin account and what came back: {@code SUCCESS}, Webex's exceptionID, {@code HTTP 503}, or the network
 * fault's name. Counted as each call returns, where its answer and its account are both known, so neither the
 * routes nor the call's own bookkeeping need to know about metrics. Without a registry (--once) nothing.
 */
public final class WebexCallMetrics extends EventNotifierSupport {

    static final String CALLS = "pindrop.webex.calls";
    /** {@code pindrop_pace_limit_learned{account}} and {@code pindrop_pace{account}}, calls per minute. */
    static final String LIMIT = "pindrop.pace.limit.learned";
    static final String PACE = "pindrop.pace";

    private final AccountPool pool;
    private volatile boolean pacesRegistered;

    public WebexCallMetrics(AccountPool pool) {
        this.pool = pool;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // the XML API endpoint is pindrop's only HTTP producer
        return event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint() instanceof HttpEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeSentEvent) event).getExchange();
        MeterRegistry registry = exchange.getContext().getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            registerPaces(registry);
            String account = exchange.getVariable("callerId", String.class);
            registry.counter(CALLS, "account", account == null ? "" : account, "result", result(exchange))
                    .increment();
        }
    }

    /**
     * Each account's learned limit and pace, and the site's ({@code account=""}), per minute; NaN until there is
     * one. Registered at the first call, when the registry is bound.
     */
    private void registerPaces(MeterRegistry registry) {
        if (pacesRegistered) {
            return;
        }
        pacesRegistered = true;
        List<AccountPool.PaceView> paces = pool.paces();
        for (int i = 0; i < paces.size(); i++) {
            int index = i;
            String account = paces.get(i).id();
            Gauge.builder(LIMIT, pool, p -> perMinute(p, p.paces().get(index).limit() == null ? Double.NaN
                    : p.paces().get(index).limit())).tag("account", account)
                    .description("the per-minute limit learned from Webex's 000045 (calls per minute)").register(registry);
            Gauge.builder(PACE, pool, p -> perMinute(p, p.paces().get(index).pace())).tag("account", account)
                    .description("the pace calls go at now (calls per minute)").register(registry);
        }
    }

    private static double perMinute(AccountPool pool, double perWindow) {
        return Double.isInfinite(perWindow) ? Double.NaN : perWindow * 60_000.0 / pool.paceWindow().toMillis();
    }

    static String result(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getException().getClass().getSimpleName();
        }
        Message answer = exchange.getMessage();
        int http = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Object body = answer.getBody();
        // only an answer that can be read again is read here (Camel's HTTP producer gives bytes or a stream cache)
        if (http != 200 || !(body instanceof byte[] || body instanceof String || body instanceof StreamCache)) {
            return "HTTP " + http;
        }
        try {
            WebexResponse response = WebexResponse.parse(answer.getBody(InputStream.class));
            return response.success() ? "SUCCESS"
                    : response.exceptionId().isEmpty() ? response.result() : response.exceptionId();
        } catch (MalformedResponseException e) {
            return "MALFORMED";
        } finally {
            if (body instanceof StreamCache cache) {
                cache.reset();
            }
        }
    }
}
