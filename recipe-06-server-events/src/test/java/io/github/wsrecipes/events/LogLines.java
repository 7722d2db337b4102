package io.github.wsrecipes.events;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The lines one class logs, as they are logged (not through the console's asynchronous appender). */
final class LogLines implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private LogLines(Logger logger) {
        this.logger = logger;
        lines.start();
        logger.addAppender(lines);
    }

    static LogLines of(Class<?> source) {
        return new LogLines((Logger) LoggerFactory.getLogger(source));
    }

    List<String> messages() {
        synchronized (lines) { // the appender adds to its list while holding its own lock
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
    }
}
