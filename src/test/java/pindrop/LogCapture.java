package pindrop;

import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** What pindrop logs in this JVM while it is open: a run's output, as a test of a process would read it. */
final class LogCapture implements AutoCloseable {

    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    LogCapture() {
        lines.setContext(root.getLoggerContext());
        lines.start();
        root.addAppender(lines);
    }

    /** Each line logged so far: its level and its message. */
    String text() {
        return lines.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        root.detachAppender(lines);
        lines.stop();
    }
}
