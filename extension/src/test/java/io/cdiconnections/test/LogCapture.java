package io.cdiconnections.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a java.util.logging logger (where System.Logger goes by default, and HikariCP's
 * slf4j through slf4j-jdk14 in tests) receives; the root logger {@code ""} receives everything.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    /** @param loggerName the logger to listen to, {@code ""} for all */
    public LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
        setLevel(Level.ALL);
    }

    /**
     * Also captures HikariCP's debug output, its configuration dump included.
     *
     * @return this
     */
    public LogCapture withHikariDebug() {
        Logger.getLogger("com.zaxxer.hikari").setLevel(Level.FINEST);
        return this;
    }

    /** @return the raw messages, unformatted */
    public List<String> messages() {
        synchronized (records) {
            return records.stream().map(LogRecord::getMessage).toList();
        }
    }

    /** @return every record as it would be printed: formatted, with its parameters and stack trace */
    public String printed() {
        java.util.logging.SimpleFormatter f = new java.util.logging.SimpleFormatter();
        StringBuilder sb = new StringBuilder();
        synchronized (records) {
            for (LogRecord r : records) {
                sb.append(f.format(r)).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        Logger.getLogger("com.zaxxer.hikari").setLevel(null);
    }
}
