package pindrop.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.component.micrometer.MicrometerConstants;

import pindrop.outcome.Status;

/**
 * {@code pindrop_rows_total{dry_run, job, status}}: the rows this process gave an outcome, in Camel's Micrometer registry
 * (scraped at /observe/metrics). Without one (--once) nothing is counted.
 */
public final class RowMetrics {

    static final String ROWS = "pindrop.rows";

    private RowMetrics() {
    }

    /** Counts a row just recorded; a row a run before this one finished (resumed from its journal) counted there. */
    public static void count(Exchange exchange, Status status) {
        if (exchange.getVariable("resumed", false, Boolean.class)) {
            return;
        }
        MeterRegistry registry = exchange.getContext().getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            registry.counter(ROWS, "job", String.valueOf(exchange.getVariable("job", String.class)),
                    "dry_run", String.valueOf(exchange.getVariable("dryRun", false, Boolean.class)),
                    "status", status.name()).increment();
        }
    }
}
