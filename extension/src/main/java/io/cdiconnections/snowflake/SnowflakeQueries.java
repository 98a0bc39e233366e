package io.cdiconnections.snowflake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.sql.JdbcQueries;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Table;

/**
 * What {@code query()} does for both Snowflake types, on top of SQLConnection's machinery
 * ({@link JdbcQueries}: {@code :name} binding, {@link Table}, the ttl cache): Streamlit's retry,
 * which tries again - at most {@code retry_attempts} times, {@code retry_wait} apart, with a new
 * session each time - only when the session expired or the connection is gone.
 */
final class SnowflakeQueries {

    private static final System.Logger LOG = System.getLogger(SnowflakeQueries.class.getName());

    /** One hold on a raw instance, as a connection type lends it for one attempt. */
    interface Held extends AutoCloseable {
        /** @return the raw instance, the key of its cached results */
        Object source();

        /** @return the JDBC connection to run on */
        Connection jdbc() throws Exception;

        /** Retires the raw instance held, if it is still the current one. */
        void retire();

        @Override
        void close();
    }

    /** How a raw instance gives its JDBC connection. */
    @FunctionalInterface
    interface JdbcOf {
        Connection get() throws Exception;
    }

    /**
     * @param source  the raw instance held
     * @param jdbc    gives its JDBC connection
     * @param retire  retires it
     * @param release lets go of the hold
     * @return the hold
     */
    static Held held(Object source, JdbcOf jdbc, Runnable retire, Runnable release) {
        return new Held() {
            @Override
            public Object source() {
                return source;
            }

            @Override
            public Connection jdbc() throws Exception {
                return jdbc.get();
            }

            @Override
            public void retire() {
                retire.run();
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }

    /**
     * What a connection's parameters say about running queries, read at each connect.
     *
     * @param queryTtl  {@code query_ttl}: how long results are cached when a query names no ttl
     * @param attempts  {@code retry_attempts}: how often a read is tried (Streamlit: 3)
     * @param retryWait {@code retry_wait}: the pause between attempts (Streamlit: 1 s)
     * @param values    the resolved parameters, for redaction only
     */
    record Settings(Duration queryTtl, int attempts, Duration retryWait, Map<String, String> values) {
        static final Settings DEFAULT = new Settings(Duration.ZERO, 3, Duration.ofSeconds(1), Map.of());

        static Settings from(String connection, Map<String, String> values) {
            ConnectionParameters p = ConnectionParameters.of(connection, values);
            return new Settings(p.getDuration("query_ttl").orElse(Duration.ZERO),
                    Math.max(1, p.getInt("retry_attempts").orElse(DEFAULT.attempts)),
                    p.getDuration("retry_wait").orElse(DEFAULT.retryWait), values);
        }

        @Override
        public String toString() {
            return "Settings[queryTtl=" + queryTtl + ", attempts=" + attempts + ", retryWait=" + retryWait + "]";
        }
    }

    private final String connection;
    private final JdbcQueries queries;

    SnowflakeQueries(String connection) {
        this.connection = connection;
        this.queries = new JdbcQueries(connection);
    }

    /**
     * @param sql      the query
     * @param options  its parameters, ttl and limits
     * @param settings the connection's settings
     * @param hold     lends the raw instance for one attempt (connecting if needed)
     * @return the result, from the cache when a ttl allows
     */
    Table query(String sql, QueryOptions options, Supplier<Settings> settings, Supplier<Held> hold) {
        JdbcQueries.Prepared prepared = queries.prepare(sql, options);
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try (Held held = hold.get()) {
                Settings s = settings.get();
                Duration ttl = options.ttl().orElse(s.queryTtl());
                Table cached = ttl.isZero() ? null : queries.cached(held.source(), prepared);
                if (cached != null) {
                    return cached;
                }
                try {
                    Table table = queries.run(held.jdbc(), prepared);
                    queries.store(held.source(), prepared, table, ttl);
                    return table;
                } catch (SQLException e) {
                    if (!SnowflakeJdbc.isSessionLost(e)) {
                        throw queries.statementFailed(e, sql, s.values());
                    }
                    held.retire();
                    failure = e;
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ConnectionUnavailableException(SnowflakeMessages.snowflakeSessionExpired(connection, attempt,
                        queries.describe(e, settings.get().values())), Redaction.scrub(e, settings.get().values()));
            }
            Settings s = settings.get();
            if (attempt >= s.attempts()) {
                throw new ConnectionUnavailableException(SnowflakeMessages.snowflakeSessionExpired(connection, attempt,
                        queries.describe(failure, s.values())), Redaction.scrub(failure, s.values()));
            }
            LOG.log(System.Logger.Level.DEBUG, () -> queries.retrying(s.retryWait()));
            pause(s.retryWait(), failure, attempt, s);
        }
    }

    /**
     * Runs a statement that changes data or schema; never retried.
     *
     * @param sql      the statement
     * @param params   the values by name
     * @param settings the connection's settings
     * @param hold     lends the raw instance
     * @return the number of rows changed
     */
    int update(String sql, Map<String, ?> params, Supplier<Settings> settings, Supplier<Held> hold) {
        try (Held held = hold.get()) {
            return queries.update(held.jdbc(), sql, params);
        } catch (SQLException e) {
            Settings s = settings.get();
            if (SnowflakeJdbc.isSessionLost(e)) {
                throw queries.writeUnavailable(e, s.values());
            }
            throw queries.statementFailed(e, sql, s.values());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            Settings s = settings.get();
            throw queries.writeUnavailable(e, s.values());
        }
    }

    /** Drops the results read from a retired raw instance. */
    void dropAll(Object source) {
        queries.dropAll(source);
    }

    /** @return how many results are cached (for tests) */
    long cachedResults() {
        return queries.size();
    }

    private void pause(Duration wait, Exception failure, int attempt, Settings s) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionUnavailableException(SnowflakeMessages.snowflakeSessionExpired(connection, attempt,
                    queries.describe(failure, s.values())), Redaction.scrub(failure, s.values()));
        }
    }
}
