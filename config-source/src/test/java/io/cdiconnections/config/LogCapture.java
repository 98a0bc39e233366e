package io.cdiconnections.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects everything this module logs (System.Logger goes to java.util.logging here), each
 * record as the text a log file would show, stack traces included.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final String LOGGER = "io.cdiconnections.config";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(LOGGER);
    private final Level previousLevel;

    LogCapture() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** Every record formatted as a log file would show it, with any stack trace. */
    String text() {
        StringBuilder text = new StringBuilder();
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            text.append(formatter.format(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
        }
        return text.toString();
    }

    /** The messages logged at {@code level}. */
    List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
