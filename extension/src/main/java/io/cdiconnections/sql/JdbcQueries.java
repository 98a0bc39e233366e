package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.cdiconnections.internal.Redaction;

/**
 * Internal: the query machinery of {@link SQLConnection} - {@code :name} binding, reading a
 * result into a {@link Table}, the ttl result cache - shared with the other built-in JDBC
 * connection types ({@code io.cdiconnections.snowflake}). Not an API: applications use
 * {@link SQLConnection} or {@code SnowflakeConnection}, and this class changes without notice.
 * Strings and comments are read as Snowflake reads them (backslash escapes, {@code //} comments).
 *
 * <p>One instance per connection handle. Cached results are keyed by the raw instance they
 * were read from (a pool, a JDBC connection), so {@link #dropAll(Object)} at retirement drops
 * exactly that instance's results.
 */
public final class JdbcQueries {

    private final String connection;
    private final QueryCache cache = new QueryCache();

    /**
     * @param connection the connection name, for messages
     */
    public JdbcQueries(String connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * A query with its {@code :name} parameters bound, checked before anything is sent.
     */
    public static final class Prepared {
        private final String sql;
        private final QueryOptions options;
        private final NamedSql.Bound bound;

        private Prepared(String sql, QueryOptions options, NamedSql.Bound bound) {
            this.sql = sql;
            this.options = options;
            this.bound = bound;
        }

        /** @return the SQL as written */
        public String sql() {
            return sql;
        }

        /** @return the options the query was prepared with */
        public QueryOptions options() {
            return options;
        }

        /** @return the SQL text and parameter names, never the values */
        @Override
        public String toString() {
            return "Prepared[" + sql + ", " + options + "]";
        }
    }

    /**
     * Binds the {@code :name} parameters now, so that a missing or extra value fails at once and
     * is never retried.
     *
     * @param sql     SQL with {@code :name} parameters
     * @param options the parameters, ttl and limits
     * @return the prepared query
     * @throws QueryException naming a parameter without a value or a value without a parameter
     */
    public Prepared prepare(String sql, QueryOptions options) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(options, "options");
        return new Prepared(sql, options, NamedSql.parse(sql, NamedSql.Syntax.SNOWFLAKE).bind(connection, options.params()));
    }

    /**
     * @param source the raw instance the result would have been read from
     * @param query  the prepared query
     * @return the cached result, or null
     */
    public Table cached(Object source, Prepared query) {
        return cache.get(key(source, query));
    }

    /**
     * Runs a prepared query on a JDBC connection and reads its first result set whole. The
     * connection is left open.
     *
     * @param c     the connection
     * @param query the prepared query
     * @return the result
     * @throws SQLException   when the database fails the statement
     * @throws QueryException when the statement is not a query (produces no result set)
     */
    public Table run(Connection c, Prepared query) throws SQLException {
        Table table = Statements.query(c, query.bound, query.options);
        if (table == null) {
            throw new QueryException(SqlMessages.sqlNoResultSet(connection));
        }
        return table;
    }

    /**
     * Keeps a result for {@code ttl}; a zero ttl keeps nothing.
     *
     * @param source the raw instance the result was read from
     * @param query  the prepared query
     * @param table  the result
     * @param ttl    how long to keep it
     */
    public void store(Object source, Prepared query, Table table, Duration ttl) {
        if (!ttl.isZero() && !ttl.isNegative()) {
            cache.put(key(source, query), table, ttl, QueryCache.DEFAULT_MAX_BYTES);
        }
    }

    /**
     * Runs a statement with {@code :name} parameters that changes data or schema.
     *
     * @param c      the connection, left open
     * @param sql    the statement
     * @param params the values by name
     * @return the number of rows changed
     * @throws SQLException when the database fails the statement
     */
    public int update(Connection c, String sql, Map<String, ?> params) throws SQLException {
        return Statements.update(c, NamedSql.parse(sql, NamedSql.Syntax.SNOWFLAKE).bind(connection, params));
    }

    /**
     * Drops every result read from {@code source}: call it when that raw instance is retired.
     *
     * @param source the retired raw instance
     */
    public void dropAll(Object source) {
        cache.dropAll(source);
    }

    /** @return how many results are cached now */
    public long size() {
        return cache.size();
    }

    /**
     * The exception for a statement the database refused, with the connection's secret values
     * removed from its message and cause.
     *
     * @param e      the database's error
     * @param sql    the statement, or null
     * @param values the connection's parameters, whose secret values must not show
     * @return the exception to throw
     */
    public QueryException statementFailed(SQLException e, String sql, Map<String, String> values) {
        return new Failures(connection, values).statement(e, sql);
    }

    /**
     * @param e      why a write could not reach the database
     * @param values the resolved parameters, whose secret values are masked
     * @return the exception for it: writes are never retried, since one may already have been applied
     */
    public io.cdiconnections.ConnectionUnavailableException writeUnavailable(Throwable e, Map<String, String> values) {
        return new io.cdiconnections.ConnectionUnavailableException(
                SqlMessages.sqlWriteUnavailable(connection, describe(e, values)), Redaction.scrub(e, values));
    }

    /**
     * @param wait the pause before the next attempt
     * @return the DEBUG line of a read about to be tried again
     */
    public String retrying(Duration wait) {
        return SqlMessages.sqlRetrying(connection, wait);
    }

    /**
     * @param e      a failure
     * @param values the connection's parameters
     * @return the first database error of the chain and its root cause, secrets removed
     */
    public String describe(Throwable e, Map<String, String> values) {
        return Redaction.redact(new Failures(connection, values).text(e), values);
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

    private static QueryCache.Key key(Object source, Prepared query) {
        return new QueryCache.Key(source, query.sql, query.options.params(), query.options.maxRows());
    }
}
