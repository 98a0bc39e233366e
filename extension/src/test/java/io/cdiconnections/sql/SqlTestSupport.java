package io.cdiconnections.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.cdiconnections.ConnectionContext;

/** Handles on real databases for the SQL tests, each with a name of its own. */
final class SqlTestSupport {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private SqlTestSupport() {
    }

    /** @return a name no other test uses, so pools and pg_stat_activity rows are this test's own */
    static String uniqueName(String base) {
        return base + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    }

    /** @return key, value, key, value... as a map */
    static Map<String, String> options(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** An H2 in-memory database of its own, fast retries, a small pool. */
    static SQLConnection h2(String name, String... extra) {
        Map<String, String> o = options("url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "pool.maximumPoolSize", "2",
                "retry_wait", "0.05");
        o.putAll(options(extra));
        return new SQLConnection(ConnectionContext.of(name, o));
    }

    /** The local PostgreSQL (trust authentication). */
    static SQLConnection postgres(String name, String... extra) {
        Map<String, String> o = options("url", PG_URL, "username", "postgres", "pool.maximumPoolSize", "2",
                "pool.minimumIdle", "1", "retry_wait", "0.05");
        o.putAll(options(extra));
        return new SQLConnection(ConnectionContext.of(name, o));
    }

    /** The local MariaDB (root without a password). */
    static SQLConnection mariadb(String name, String... extra) {
        Map<String, String> o = options("url", MARIADB_URL, "username", "root", "pool.maximumPoolSize", "2",
                "pool.minimumIdle", "1", "retry_wait", "0.05");
        o.putAll(options(extra));
        return new SQLConnection(ConnectionContext.of(name, o));
    }

    /** Collects what a java.util.logging logger (where System.Logger goes by default) receives. */
    static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        LogCapture(String loggerName) {
            this.logger = Logger.getLogger(loggerName);
            logger.addHandler(this);
            setLevel(Level.ALL);
        }

        /** Also captures HikariCP's debug output, its configuration dump included. */
        LogCapture withHikariDebug() {
            Logger.getLogger("com.zaxxer.hikari").setLevel(Level.FINEST);
            return this;
        }

        List<String> messages() {
            synchronized (records) {
                return records.stream().map(LogRecord::getMessage).toList();
            }
        }

        /** @return every record as it would be printed: formatted, with its parameters and stack trace */
        String printed() {
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
}
