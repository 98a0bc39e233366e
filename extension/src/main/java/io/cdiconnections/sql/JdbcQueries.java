package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.internal.Telemetry;

/**
 * What {@link SQLConnection#query} does, for a connection type over JDBC whose raw instance is
 * of any kind that can give a JDBC connection: {@code :name} binding, a {@link Table} read whole,
 * the ttl result cache keyed by the raw instance, and Streamlit's retry - on a failure the type
 * calls lost, retire the raw instance, wait {@code retry_wait} and try again, at most
 * {@code retry_attempts} times. The built-in {@code SnowflakeConnection} and
 * {@code SnowparkConnection} are made this way; a custom {@link io.cdiconnections.BaseConnection}
 * over a JDBC driver may be too:
 *
 * <pre>{@code
 * public class DuckConnection extends BaseConnection<java.sql.Connection> {
 *     private final JdbcQueries<java.sql.Connection> queries;
 *
 *     public DuckConnection(ConnectionContext context) {
 *         super(context);
 *         queries = new JdbcQueries<>(DuckConnection.class, context.name(),
 *                 c -> JdbcQueries.share(c, () -> { }),          // one session for all: left open
 *                 e -> "08003".equals(e.getSQLState()),           // lost: a new session, another try
 *                 (attempts, error, cause) -> new ConnectionUnavailableException(
 *                         "Connection '" + context.name() + "' failed " + attempts + " times: " + error, cause));
 *     }
 *
 *     protected java.sql.Connection connect(ConnectionParameters params) throws SQLException {
 *         queries.configure(params);                                 // query_ttl, retry_attempts, retry_wait
 *         return DriverManager.getConnection(params.require("url"));
 *     }
 *
 *     protected void retired(java.sql.Connection raw) {
 *         queries.dropAll(raw);                                      // its cached results go with it
 *     }
 *
 *     public Table query(String sql, QueryOptions options) {
 *         return queries.query(sql, options, () -> {
 *             Lease<java.sql.Connection> lease = lease();
 *             return new JdbcQueries.Hold<>(lease.raw(), lease::retire, lease::close);
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>Strings and comments are read as Snowflake reads them (a backslash escapes the next
 * character in a quoted string, {@code //} starts a comment) to find {@code :name} parameters,
 * which are bound before the first attempt: a missing or extra value fails without connecting.
 * A query is tried again whatever it is: run writes with {@link #update}, which never is. A
 * failure to connect is not retried. Thread-safe; one instance per connection handle.
 *
 * @param <R> the raw instance
 */
public final class JdbcQueries<R> {

    /**
     * One hold on a raw instance, for one attempt: made from the handle's
     * {@code BaseConnection.lease()} as {@code new Hold<>(lease.raw(), lease::retire, lease::close)}.
     *
     * @param <R> the raw instance
     */
    public static final class Hold<R> implements AutoCloseable {
        private final R raw;
        private final Runnable retire;
        private final Runnable release;
        /** Whether another hold took over the release: closing this one then does nothing. */
        private boolean transferred;

        /**
         * @param raw     the raw instance held
         * @param retire  retires it, if it is still the handle's current one
         * @param release lets go of the hold
         */
        public Hold(R raw, Runnable retire, Runnable release) {
            this.raw = raw;
            this.retire = Objects.requireNonNull(retire, "retire");
            this.release = Objects.requireNonNull(release, "release");
        }

        R raw() {
            return raw;
        }

        void retire() {
            retire.run();
        }

        /** @return a hold on the same raw instance that now owns the release; closing this one does nothing */
        Hold<R> transfer() {
            transferred = true;
            return new Hold<>(raw, retire, release);
        }

        /** Lets go of the raw instance. */
        @Override
        public void close() {
            if (!transferred) {
                release.run();
            }
        }
    }

    /**
     * How the raw instance gives the JDBC connection a statement runs on.
     *
     * @param <R> the raw instance
     */
    @FunctionalInterface
    public interface JdbcOf<R> {
        /**
         * @param raw the raw instance
         * @return a connection, closed after the statement: a pool's own, or
         *         {@link JdbcQueries#share(Connection, Runnable)} of a session that stays open
         * @throws Exception when it has none to give; a {@link SQLException} the type calls lost is
         *                   retried, any other failure is reported at once
         */
        Connection open(R raw) throws Exception;
    }

    /** The exception for a query that failed on its last attempt, or was interrupted between attempts. */
    @FunctionalInterface
    public interface Exhausted {
        /**
         * @param attempts  how often the query was tried
         * @param lastError the last failure's database error and root cause, the connection's
         *                  secret values removed
         * @param cause     the last failure, secret values removed
         * @return the exception to throw
         */
        RuntimeException exception(int attempts, String lastError, Throwable cause);
    }

    private final System.Logger log;
    private final String connection;
    private final JdbcOf<R> jdbc;
    /** Whether a statement's failure means the raw instance was lost: worth {@link #onLost} and another try. */
    private final Predicate<? super SQLException> lost;
    /** Whether a failure to connect is worth another try. */
    private final Predicate<? super ConnectionUnavailableException> connectLost;
    private final BiConsumer<Hold<R>, SQLException> onLost;
    private final Exhausted exhausted;
    /** Whether a statement sent before its connection was lost runs again only when known to be a read. */
    private final boolean onlyReadsRerun;
    /** How the current raw instance's database reads strings and comments, asked at each attempt; null: Snowflake's, before the first. */
    private final Supplier<NamedSql.Syntax> syntax;
    /** What the statements go to, for spans and metrics: set at each connect, nothing recorded before. */
    private volatile Telemetry.Database observed = Telemetry.Database.NONE;
    private final ResultCaches cache;
    /** Whether the current raw instance's results are pgjdbc's, for the typed reads: decided once per raw instance. */
    final PoolDriver drivers = new PoolDriver();
    private volatile SqlSettings settings = SqlSettings.DEFAULT;
    /** {@code db.system.name} of a connect through {@link #configure(ConnectionParameters)}. */
    private final String system;

    /**
     * @param owner      the connection type, whose logger gets a DEBUG line before each retry
     * @param connection the connection name, for messages
     * @param jdbc       how the raw instance gives its JDBC connection
     * @param lost       whether a statement's failure means the raw instance was lost: it is then
     *                   retired and the query tried again; any other failure is a
     *                   {@link QueryException}
     * @param exhausted  the exception for a lost raw instance on the last attempt
     */
    public JdbcQueries(Class<?> owner, String connection, JdbcOf<R> jdbc, Predicate<? super SQLException> lost,
            Exhausted exhausted) {
        this(owner, connection, jdbc, lost, e -> false, (held, e) -> held.retire(), exhausted, false, null);
    }

    /** The constructor of {@link SqlPool#queries()}, with what the public one leaves at its default. */
    JdbcQueries(Class<?> owner, String connection, JdbcOf<R> jdbc, Predicate<? super SQLException> lost,
            Predicate<? super ConnectionUnavailableException> connectLost, BiConsumer<Hold<R>, SQLException> onLost,
            Exhausted exhausted, boolean onlyReadsRerun, Supplier<NamedSql.Syntax> syntax) {
        this.log = System.getLogger(owner.getName());
        this.connection = Objects.requireNonNull(connection, "connection");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.lost = Objects.requireNonNull(lost, "lost");
        this.connectLost = connectLost;
        this.onLost = onLost;
        this.exhausted = Objects.requireNonNull(exhausted, "exhausted");
        this.onlyReadsRerun = onlyReadsRerun;
        this.syntax = syntax;
        this.cache = new ResultCaches(connection, () -> observed);
        // the built-in Snowflake types come through the public constructor; a custom type is some SQL
        this.system = owner.getName().startsWith("io.cdiconnections.snowflake.") ? "snowflake" : "other_sql";
    }

    /**
     * Checks the keys {@link #configure} reads, without keeping them.
     *
     * @param params the parameters
     * @throws io.cdiconnections.ConnectionConfigException naming a key whose value is not a duration or a number
     */
    public static void validateParameters(ConnectionParameters params) {
        SqlSettings.withoutCacheBound(params);
    }

    /**
     * Reads {@code query_ttl} (results are cached that long when a query names no ttl; none by
     * default), {@code retry_attempts} (3) and {@code retry_wait} (1 s) for the queries from now
     * on. Call it at each connect; the parameters are also the values messages must not show.
     *
     * @param params the parameters
     * @throws io.cdiconnections.ConnectionConfigException naming a key whose value is not a duration or a number
     */
    public void configure(ConnectionParameters params) {
        settings = SqlSettings.withoutCacheBound(params);
        observe(Telemetry.current().database(connection, system, null, null, 0));
    }

    /** @param database what the statements of the new raw instance go to, for spans and metrics (its cache's too) */
    void observe(Telemetry.Database database) {
        cache.observe(observed = database);
    }

    /** @return what the statements of the current raw instance go to */
    Telemetry.Database observed() {
        return observed;
    }

    /** @param s the settings of the queries from now on */
    void configure(SqlSettings s) {
        settings = s;
    }

    /** @return the settings of the last connect */
    SqlSettings settings() {
        return settings;
    }

    /**
     * Runs a query and reads its first result set whole, from the cache when a ttl (in the
     * options, else {@code query_ttl}) allows.
     *
     * @param sql     SQL with {@code :name} parameters
     * @param options its parameters, ttl and limits
     * @param hold    holds the handle's raw instance for one attempt, connecting if needed
     * @return the result
     * @throws QueryException                 when the query fails or is not a query (produces no result set)
     * @throws ConnectionUnavailableException when the raw instance was lost on every attempt
     */
    public Table query(String sql, QueryOptions options, Supplier<Hold<R>> hold) {
        return read(sql, options, hold, raw -> rs -> Table.read(rs, drivers.pgjdbc(raw, rs)), table -> table);
    }

    /**
     * {@link #query} with its rows mapped to {@code type} as {@link Table#as(Class)} maps them:
     * without a ttl straight from the result set ({@link ResultMapper}), with one through the
     * cached table. The same retries, span and metrics; a mapping failure fails the call, not
     * the statement's span.
     */
    <T> List<T> query(String sql, QueryOptions options, Class<T> type, Supplier<Hold<R>> hold) {
        Objects.requireNonNull(type, "type");
        return read(sql, options, hold, raw -> rs -> ResultMapper.readAll(rs, type, drivers.pgjdbc(raw, rs)), table -> table.as(type));
    }

    /** The read of both: {@code direct} gives what reads an uncached result of a raw instance, {@code cached} makes it of a kept table. */
    private <X> X read(String sql, QueryOptions options, Supplier<Hold<R>> hold, Function<R, Statements.Reader<X>> direct,
            Function<Table, X> cached) {
        Objects.requireNonNull(options, "options");
        return attempts(sql, options.params(), options.retry(), hold, (held, bound, s, sent) -> {
            Duration ttl = options.ttl().orElse(s.queryTtl());
            QueryCache.Key key = ttl.isZero() ? null
                    : new QueryCache.Key(held.raw(), sql, options.params(), options.maxRows());
            ResultCache results = cache.of(s);
            Table kept = key == null ? null : results.get(key);
            Telemetry.Database db = observed;
            if (kept != null) {
                db.cacheHit(sql);
                return cached.apply(kept);
            } else if (key != null) {
                db.cacheMiss();
            }
            X result = null;
            Telemetry.Span span = db.query(sql);
            try (Connection c = jdbc.open(held.raw())) {
                sent[0] = true;
                if (key == null) {
                    result = Statements.query(c, bound, options, direct.apply(held.raw()));
                } else {
                    kept = Statements.query(c, bound, options);
                }
            } catch (ResultMapper.Unmapped e) { // a row that does not map, as Table.as would say: the statement succeeded
                throw e.mapping();
            } catch (Exception e) {
                SqlObservation.failed(span, e, s.failures(connection));
                throw e;
            } finally {
                span.end();
            }
            if (result == null && kept == null) {
                throw new QueryException(SqlMessages.sqlNoResultSet(connection));
            }
            if (key != null) {
                results.put(key, kept, ttl, s.cacheMaxBytes()); // kept even when it does not map, as query(...).as would
                return cached.apply(kept);
            }
            return result;
        });
    }

    /** One attempt of a read on a held raw instance; it sets {@code sent[0]} once the statement may have reached the database. */
    @FunctionalInterface
    interface Attempt<R, T> {
        T run(Hold<R> held, NamedSql.Bound bound, SqlSettings s, boolean[] sent) throws Exception;
    }

    /** The retry loop of every read; an attempt that keeps its hold beyond it (a stream) takes it with {@link Hold#transfer()}. */
    <T> T attempts(String sql, Map<String, ?> params, Optional<Boolean> retry, Supplier<Hold<R>> hold,
            Attempt<R, T> body) {
        Objects.requireNonNull(sql, "sql");
        NamedSql.Bound early = syntax != null ? null
                : NamedSql.parse(sql, NamedSql.Syntax.SNOWFLAKE).bind(connection, params);
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            RuntimeException fatal = null; // thrown past the catch below, which would take it for a connect failure
            try (Hold<R> held = hold.get()) {
                SqlSettings s = settings;
                // bound once connected when the database decides how strings and comments read
                NamedSql.Bound bound = early != null ? early : NamedSql.parse(sql, syntax.get()).bind(connection, params);
                boolean[] sent = {false};
                try {
                    return body.run(held, bound, s, sent);
                } catch (SQLException e) {
                    if (!lost.test(e)) {
                        throw s.failures(connection).statement(e, sql);
                    }
                    onLost.accept(held, e);
                    // decided only when a sent statement lost its connection: no regex on the path of every query
                    if (sent[0] && onlyReadsRerun && !retry.orElseGet(() -> StatementKind.isRead(sql))) {
                        fatal = s.failures(connection).queryNotRetried(e);
                    }
                    failure = e;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) { // the raw instance had no JDBC connection to give
                    fatal = report(e, attempt);
                    failure = e;
                }
            } catch (ConnectionUnavailableException e) {
                if (!connectLost.test(e)) {
                    throw e;
                }
                failure = e;
            }
            if (fatal != null) {
                throw fatal;
            }
            SqlSettings s = settings;
            if (attempt >= s.attempts()) {
                throw report(failure, attempt);
            }
            log.log(System.Logger.Level.DEBUG, () -> SqlMessages.sqlRetrying(connection, s.retryWait()));
            pause(s.retryWait(), failure, attempt);
        }
    }

    private void pause(Duration wait, Exception failure, int attempt) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw report(failure, attempt);
        }
    }

    private RuntimeException report(Exception failure, int attempts) {
        if (failure instanceof ConnectionUnavailableException cue) {
            return cue; // the connect failure already says what and where
        }
        SqlSettings s = settings;
        return exhausted.exception(attempts, s.failures(connection).text(failure), Redaction.scrub(failure, s.values()));
    }

    /**
     * Runs a statement with {@code :name} parameters that changes data or schema. Never retried:
     * a write that met a lost raw instance may already have been applied.
     *
     * @param sql    the statement
     * @param params the values by name
     * @param hold   holds the handle's raw instance, connecting if needed
     * @return the number of rows changed
     * @throws QueryException                 when the statement fails
     * @throws ConnectionUnavailableException when the raw instance was lost or had no connection to give
     */
    public int update(String sql, Map<String, ?> params, Supplier<Hold<R>> hold) {
        Telemetry.Span span = Telemetry.Span.NONE;
        try (Hold<R> held = hold.get()) {
            span = observed.query(sql); // once connected: what the statement goes to is known
            try (Connection c = jdbc.open(held.raw())) {
                NamedSql.Syntax s = syntax == null ? NamedSql.Syntax.SNOWFLAKE : syntax.get();
                return Statements.update(c, NamedSql.parse(sql, s).bind(connection, params));
            }
        } catch (SQLException e) {
            Failures failures = settings.failures(connection);
            throw SqlObservation.failed(span, lost.test(e) ? failures.writeUnavailable(e) : failures.statement(e, sql));
        } catch (RuntimeException e) {
            throw SqlObservation.failed(span, e);
        } catch (Exception e) {
            throw SqlObservation.failed(span, settings.failures(connection).writeUnavailable(e));
        } finally {
            span.end();
        }
    }

    /**
     * Drops every result read from {@code raw}: call it when the raw instance is retired
     * ({@code BaseConnection.retired}).
     *
     * @param raw the retired raw instance
     */
    public void dropAll(R raw) {
        cache.local().dropAll(raw); // a shared cache's entries stay, keyed by the parameters' fingerprint
    }

    /** @return how many results are cached now in this JVM */
    public long cachedResults() {
        return cache.local().size();
    }

    /** @return the result caches, for tests of this package */
    ResultCaches caches() {
        return cache;
    }

    /**
     * Hands out a connection that other callers share (one session for all): closing what is
     * handed out runs {@code release} once and leaves {@code target} open.
     *
     * @param target  the shared connection
     * @param release lets go of the caller's hold on it
     * @return the connection to hand out
     */
    public static Connection share(Connection target, Runnable release) {
        return LeasedConnection.share(target, release);
    }
}
