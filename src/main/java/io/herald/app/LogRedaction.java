package io.herald.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.herald.model.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log's edge: every appender of the root logger is wrapped so that each line's message and exception pass the
 * {@link Redactor} before they are written, whichever class (Herald's or a library's) logged them. Installing again
 * (a service started again in the same process) replaces the redactor.
 */
final class LogRedaction {
    private LogRedaction() {
    }

    static void install(Redactor redactor) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof Redacting redacting) {
                redacting.redactor = redactor;
                continue;
            }
            Redacting wrapper = new Redacting(appender, redactor, context);
            wrapper.setContext(context);
            wrapper.setName(appender.getName());
            wrapper.start();
            root.addAppender(wrapper);
            root.detachAppender(appender);
        }
    }

    /** Writes a redacted copy of each event to the appender it wraps. */
    static final class Redacting extends AppenderBase<ILoggingEvent> {
        private final Appender<ILoggingEvent> target;
        private final LoggerContext context;
        private volatile Redactor redactor;

        Redacting(Appender<ILoggingEvent> target, Redactor redactor, LoggerContext context) {
            this.target = target;
            this.redactor = redactor;
            this.context = context;
        }

        @Override
        protected void append(ILoggingEvent event) {
            Redactor r = redactor;
            Throwable error = event.getThrowableProxy() instanceof ThrowableProxy proxy
                    ? r.redact(proxy.getThrowable()) : null;
            LoggingEvent copy = new LoggingEvent(Logger.FQCN, context.getLogger(event.getLoggerName()),
                    event.getLevel(), r.redact(event.getFormattedMessage()), error, null);
            copy.setInstant(event.getInstant());
            copy.setThreadName(event.getThreadName());
            copy.setMDCPropertyMap(event.getMDCPropertyMap());
            copy.setLoggerContextRemoteView(event.getLoggerContextVO());
            target.doAppend(copy);
        }

        @Override
        public void stop() {
            super.stop();
            target.stop();
        }
    }
}
