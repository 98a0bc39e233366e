package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;

/**
 * How a {@link SQLConnection} makes its pool, and what it learned of the database while doing
 * so: the keys it reads, the target and pool settings worked out from its parameters, the
 * reachability check while the database is known to be down, and the {@code :name} syntax and
 * dialect of the current pool.
 */
final class SqlPool {

    /** Logged under SQLConnection's name: the logger users configure. */
    private static final System.Logger LOG = System.getLogger(SQLConnection.class.getName());

    /** The keys a SQL connection reads even when no file lists them (environment variables). */
    static final Set<String> KNOWN_KEYS = Set.of("url", "dialect", "driver", "username", "user", "password",
            "host", "port", "database", "query_ttl", "query_cache_max_bytes", "call_timeout", "autocommit",
            "retry_attempts", "retry_wait", "cache", "cache_provider", "cache_uri", "cache_name",
            "create_engine_kwargs.pool_size", "create_engine_kwargs.max_overflow", "create_engine_kwargs.pool_recycle",
            "create_engine_kwargs.pool_timeout", "create_engine_kwargs.pool_pre_ping",
            "create_engine_kwargs.isolation_level",
            "pool.maximumPoolSize", "pool.minimumIdle", "pool.connectionTimeout", "pool.maxLifetime");

    private final String connection;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** How the database of the current pool reads strings and comments, to find {@code :name} parameters. */
    private volatile NamedSql.Syntax syntax = NamedSql.Syntax.STANDARD;
    /** The dialect of the current pool, for quoting identifiers; null when the JDBC URL's is unknown. */
    private volatile Dialect dialect;
    /** Whether the last connect failed or a pool was retired as unreachable: the next connect checks reachability first. */
    private volatile boolean unreachable;

    SqlPool(String connection) {
        this.connection = connection;
    }

    /**
     * {@link SQLConnection}'s queries over its pools: a connection-class failure, or a failure to
     * connect, is retried; the pool is retired unless it only timed out with every connection
     * busy (a new pool would only add connections); a statement not known to be a read that lost
     * its connection after it was sent fails at once, since it may have been applied.
     *
     * @return the queries, reading strings and comments as the current pool's database does
     */
    JdbcQueries<HikariDataSource> queries() {
        return new JdbcQueries<>(SQLConnection.class, connection, DataSource::getConnection,
                Failures::isConnectionFailure, Failures::isConnectionFailure, (held, e) -> {
                    if (!Failures.isPoolExhausted(e)) {
                        markUnreachable();
                        held.retire();
                    }
                }, (attempts, error, cause) -> new ConnectionUnavailableException(
                        SqlMessages.sqlReadUnavailable(connection, attempts, error), cause),
                true, this::syntax);
    }

    /**
     * As {@link SQLConnection#validateParameters(ConnectionParameters)}: everything {@link #connect}
     * works out, without connecting.
     */
    static void validate(ConnectionParameters options) {
        ConnectionParameters params = EngineOptions.route(options);
        JdbcTarget target = JdbcTarget.resolve(params, JdbcDriver::onClassPath);
        SqlSettings.from(params);
        PoolSettings.configure(params.connectionName(), target, params, key -> { });
    }

    /**
     * Makes a new pool from the parameters, and gives the reads their settings.
     *
     * @param options the parameters, options given in code laid over secrets
     * @param queries the reads of the connection
     * @return the pool
     */
    HikariDataSource connect(ConnectionParameters options, JdbcQueries<HikariDataSource> queries) {
        ConnectionParameters params = EngineOptions.route(options);
        SqlSettings s = SqlSettings.from(params);
        queries.configure(s);
        JdbcTarget target = JdbcTarget.resolve(params, JdbcDriver::onClassPath);
        syntax = NamedSql.Syntax.of(target.dialect(), target.url());
        dialect = target.dialect();
        HikariConfig config = PoolSettings.configure(connection, target, params, this::warnIgnored);
        try {
            PoolSettings.hideSecrets(config);
            if (unreachable) {
                ReachabilityCheck.check(config);
            }
            queries.observe(SqlObservation.observe(connection, target, config));
            HikariDataSource pool = new HikariDataSource(config);
            unreachable = false;
            return pool;
        } catch (IllegalArgumentException e) {
            throw new ConnectionConfigException(SqlConfigMessages.sqlInvalidPool(connection,
                    s.failures(connection).text(e)));
        } catch (SQLException | RuntimeException e) {
            unreachable = true;
            throw s.failures(connection).connectFailed(e, target.describe());
        }
    }

    /**
     * Borrows a connection from the pool and asks the driver whether it is valid, waiting at most
     * the timeout, rounded up to whole seconds.
     */
    static void checkValid(HikariDataSource pool, Duration timeout) throws SQLException {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
        try (Connection c = pool.getConnection()) {
            if (!c.isValid(seconds)) {
                throw new SQLException(SqlMessages.sqlNotValid(), "08006");
            }
        }
    }

    NamedSql.Syntax syntax() {
        return syntax;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A pool was retired as unreachable: the next connect checks reachability first. */
    void markUnreachable() {
        unreachable = true;
    }

    private void warnIgnored(String key) {
        if (warned.add(key)) {
            LOG.log(System.Logger.Level.WARNING, SqlConfigMessages.sqlIgnoredEngineKwarg(connection, key));
        }
    }
}
