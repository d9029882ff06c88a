package pindrop.secrets;

import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.Tracer;

/**
 * Masks secrets and PINs in what Camel's tracer logs ({@code camel.main.tracing=true}). The tracer prints every
 * message body and ignores {@code camel.main.log-mask}; pindrop's bodies are row documents with the PIN and
 * envelopes with the caller's password or token, so their elements are masked here.
 */
public final class TraceMask implements ExchangeFormatter {

    /**
     * Elements that hold a secret or a PIN, prefixed or not: the envelope's credentials, the PINs of SetUser and
     * GetUser, the row document's value and cells (a cell may be the PIN column).
     */
    private static final Pattern SECRET_ELEMENT = Pattern.compile("(<((?:[\\w.-]+:)?(?:password|webExAccessToken"
            + "|sessionTicket|accessToken|hostPIN|PIN|value|cell))(?:\\s[^>]*)?>)[^<]*(</\\2>)", Pattern.CASE_INSENSITIVE);
    private static final String MASK = "xxxxx";

    private final ExchangeFormatter formatter;

    private TraceMask(ExchangeFormatter formatter) {
        this.formatter = formatter;
    }

    /** Wraps the tracer's formatter, so tracing switched on at any time prints masked bodies. */
    public static void install(CamelContext context) {
        Tracer tracer = context.getTracer();
        tracer.setExchangeFormatter(new TraceMask(tracer.getExchangeFormatter()));
    }

    @Override
    public String format(Exchange exchange) {
        return mask(formatter.format(exchange));
    }

    static String mask(String text) {
        return SECRET_ELEMENT.matcher(text).replaceAll("$1" + MASK + "$3");
    }
}
