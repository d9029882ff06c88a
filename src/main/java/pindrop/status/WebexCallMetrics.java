package pindrop.status;

import java.io.InputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

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
            String account = exchange.getVariable("callerId", String.class);
            registry.counter(CALLS, "account", account == null ? "" : account, "result", result(exchange))
                    .increment();
        }
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
