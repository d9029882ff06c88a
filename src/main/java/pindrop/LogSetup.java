package pindrop;

import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;
import pindrop.settings.EarlySetting;

/**
 * pindrop's logging, set up by logback before the first line (found through META-INF/services, so no
 * logback.xml can be forgotten in a copy): to standard output, as text ({@code pindrop.log.format=text}, the
 * default) or one JSON object per line ({@code json}: timestamp, level, loggerName, formattedMessage, the
 * exception, and the file, job, row and account in {@code mdc}). {@code pindrop.log.level} is the level of
 * everything but the loggers below, which stay at INFO whatever it is.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /**
     * At DEBUG these print secrets and PINs: Camel's property parser logs the value of every property it
     * resolves, passwords and tokens included; HttpClient's wire log prints each request body (the envelope,
     * with the caller's password or token and the PIN).
     */
    private static final String[] NEVER_BELOW_INFO = {"org.apache.camel.component.properties",
        "org.apache.hc.client5.http.wire"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String format = EarlySetting.get("pindrop.log.format", "text").toLowerCase(Locale.ROOT);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(format.equals("json") ? json(context) : text(context));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(EarlySetting.get("pindrop.log.level", "info"), Level.INFO));
        root.addAppender(console);
        for (String logger : NEVER_BELOW_INFO) {
            context.getLogger(logger).setLevel(Level.INFO);
        }
        // Camel's own line for a file moved to .failed; pindrop's REJECTED line says why
        context.getLogger("org.apache.camel.component.file.GenericFileOnCompletion").setLevel(Level.ERROR);
        if (!format.equals("json") && !format.equals("text")) {
            root.warn("pindrop.log.format is {}: it must be text or json; the log is text", format);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %level %logger{0} - %msg%n");
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        // the message with its arguments in place, once: the template and the arguments apart would say it twice
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
