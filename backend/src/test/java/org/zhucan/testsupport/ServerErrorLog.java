package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * What the servers in this JVM logged about the faults they answered with a reference (an internal
 * error, an unavailable database), kept so that a test's failure can say what happened on the
 * server: CI shows a failing test's message but only the tail of the output, where the server's
 * own log of the fault is long gone.
 */
public final class ServerErrorLog extends AppenderBase<ILoggingEvent> {

    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int KEPT = 500;

    private final ConcurrentLinkedDeque<ILoggingEvent> events = new ConcurrentLinkedDeque<>();
    private final Logger logger;

    private ServerErrorLog(Logger logger) {
        this.logger = logger;
    }

    /** Starts keeping what the error handlers log (WARN and above), until {@link #stop}. */
    public static ServerErrorLog attach() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.zhucan.common.error");
        ServerErrorLog log = new ServerErrorLog(logger);
        log.setContext(logger.getLoggerContext());
        log.setName("server-error-log");
        log.start();
        logger.addAppender(log);
        return log;
    }

    @Override
    public void stop() {
        logger.detachAppender(this);
        super.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            events.addLast(event);
            while (events.size() > KEPT) {
                events.pollFirst();
            }
        }
    }

    /** Runs {@code call}; a failure that names a server reference is thrown again with what the server logged under it. */
    public <T> T explaining(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AssertionError | RuntimeException failure) {
            String explained = explain(String.valueOf(failure.getMessage()));
            if (explained.isEmpty()) {
                throw failure;
            }
            throw new AssertionError(failure.getMessage() + "\nThe server logged:" + explained, failure);
        }
    }

    /** What was logged under each reference the text names, with its causes and where in Zhucan it was thrown. */
    String explain(String text) {
        List<String> found = new ArrayList<>();
        Matcher references = REFERENCE.matcher(text);
        while (references.find()) {
            String reference = references.group();
            for (ILoggingEvent event : events) {
                if (event.getFormattedMessage().contains(reference)) {
                    found.add("\n  " + shorten(event.getFormattedMessage(), 900) + causes(event.getThrowableProxy()));
                }
            }
        }
        return String.join("", found);
    }

    private static String causes(IThrowableProxy thrown) {
        StringBuilder chain = new StringBuilder();
        for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
            chain.append("\n    caused by ").append(cause.getClassName()).append(": ").append(shorten(String.valueOf(cause.getMessage()), 400));
            for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                if (frame.getStackTraceElement().getClassName().startsWith("org.zhucan.")) {
                    chain.append("\n      at ").append(frame.getStackTraceElement());
                    break;
                }
            }
        }
        return chain.toString();
    }

    private static String shorten(String text, int most) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= most ? oneLine : oneLine.substring(0, most) + "…";
    }
}
