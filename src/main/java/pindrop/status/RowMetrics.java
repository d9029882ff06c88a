package pindrop.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
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

    /** Counts a row this process gave its outcome (a row resumed from its journal counted in the run before). */
    public static void count(CamelContext context, String job, boolean dryRun, Status status) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            registry.counter(ROWS, "job", job, "dry_run", Boolean.toString(dryRun), "status", status.name()).increment();
        }
    }
}
