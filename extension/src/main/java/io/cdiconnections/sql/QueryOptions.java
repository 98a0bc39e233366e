package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * How {@link SQLConnection#query(String, QueryOptions)} runs a query: its {@code :name}
 * parameters, how long its result may be cached, and JDBC limits. Immutable: each method returns
 * a changed copy.
 *
 * <pre>{@code
 * Table t = sql.query("select * from pets where owner = :owner",
 *         QueryOptions.defaults().params(Map.of("owner", "jerry")).ttl(Duration.ofMinutes(10)));
 * }</pre>
 */
public final class QueryOptions {

    private static final QueryOptions DEFAULTS = new QueryOptions(Map.of(), null, 0, 0, null, null);

    private final Map<String, Object> params;
    private final Duration ttl;
    private final int maxRows;
    private final int fetchSize;
    private final Duration timeout;
    private final Boolean retry;

    private QueryOptions(Map<String, Object> params, Duration ttl, int maxRows, int fetchSize, Duration timeout,
            Boolean retry) {
        this.params = params;
        this.ttl = ttl;
        this.maxRows = maxRows;
        this.fetchSize = fetchSize;
        this.timeout = timeout;
        this.retry = retry;
    }

    /** @return no parameters, the connection's {@code query_ttl}, no limits */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param params the values of the query's {@code :name} parameters (null values allowed)
     * @return a copy with these parameters
     */
    public QueryOptions params(Map<String, ?> params) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        return new QueryOptions(Collections.unmodifiableMap(copy), ttl, maxRows, fetchSize, timeout, retry);
    }

    /**
     * @param name  a parameter name, without the colon
     * @param value its value, may be null
     * @return a copy with this parameter added
     */
    public QueryOptions param(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return new QueryOptions(Collections.unmodifiableMap(copy), ttl, maxRows, fetchSize, timeout, retry);
    }

    /**
     * @param ttl how long the result may be served from the cache; {@link Duration#ZERO} turns
     *            caching off even when the connection has a {@code query_ttl}
     * @return a copy with this ttl
     */
    public QueryOptions ttl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(SqlMessages.negativeOption("ttl", ttl));
        }
        return new QueryOptions(params, ttl, maxRows, fetchSize, timeout, retry);
    }

    /**
     * @param maxRows the most rows to read ({@code Statement.setMaxRows}); 0 for all
     * @return a copy with this limit
     */
    public QueryOptions maxRows(int maxRows) {
        return new QueryOptions(params, ttl, nonNegative(maxRows, "maxRows"), fetchSize, timeout, retry);
    }

    /**
     * @param fetchSize rows the driver fetches per round trip ({@code Statement.setFetchSize}); 0 for its default
     * @return a copy with this hint
     */
    public QueryOptions fetchSize(int fetchSize) {
        return new QueryOptions(params, ttl, maxRows, nonNegative(fetchSize, "fetchSize"), timeout, retry);
    }

    /**
     * @param timeout how long the statement may run ({@code Statement.setQueryTimeout}, whole
     *                seconds, at least one)
     * @return a copy with this timeout
     */
    public QueryOptions timeout(Duration timeout) {
        return new QueryOptions(params, ttl, maxRows, fetchSize, Objects.requireNonNull(timeout, "timeout"), retry);
    }

    /**
     * Whether the query may be run again after it lost its connection. By default only a
     * statement known to be a read is: one that starts with {@code SELECT}, {@code VALUES},
     * {@code TABLE}, {@code SHOW}, {@code DESCRIBE} or {@code EXPLAIN} (not {@code EXPLAIN ANALYZE}),
     * or a {@code WITH} whose text names no {@code INSERT}, {@code UPDATE}, {@code DELETE},
     * {@code MERGE} or {@code INTO} (comments and leading parentheses skipped). Any other statement
     * that lost its connection after it was sent may have been applied (an
     * {@code INSERT ... RETURNING}, a function with side effects), so it fails at once instead.
     * A statement is always tried again when its connection could not be had at all: then it
     * was never sent.
     *
     * <pre>{@code
     * sql.query("select nextval('orders_seq')", QueryOptions.defaults().retry(false)); // a read with a side effect
     * sql.query("insert into seen values (:id) on conflict do nothing returning id",
     *         QueryOptions.defaults().param("id", 7).retry(true));                      // a write safe to repeat
     * }</pre>
     *
     * @param retry true to retry it like a read, false never to run it twice
     * @return a copy with this choice
     */
    public QueryOptions retry(boolean retry) {
        return new QueryOptions(params, ttl, maxRows, fetchSize, timeout, retry);
    }

    /** @return the choice given with {@link #retry(boolean)}, or empty to decide from the statement */
    public Optional<Boolean> retry() {
        return Optional.ofNullable(retry);
    }

    /** @return the parameter values by name, unmodifiable */
    public Map<String, Object> params() {
        return params;
    }

    /** @return the ttl given, or empty to use the connection's {@code query_ttl} */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** @return the row limit, 0 for none */
    public int maxRows() {
        return maxRows;
    }

    /** @return the fetch size hint, 0 for the driver's default */
    public int fetchSize() {
        return fetchSize;
    }

    /** @return the statement timeout, if any */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    private static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(SqlMessages.negativeOption(what, value));
        }
        return value;
    }

    /** @return the parameter names, ttl and limits; not the values, which may be personal data */
    @Override
    public String toString() {
        return "QueryOptions[params=" + params.keySet() + ", ttl=" + (ttl == null ? "default" : ttl)
                + ", maxRows=" + maxRows + ", fetchSize=" + fetchSize + ", timeout=" + timeout
                + ", retry=" + (retry == null ? "reads" : retry) + "]";
    }
}
