package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.cdiconnections.internal.Messages;

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

    private static final QueryOptions DEFAULTS = new QueryOptions(Map.of(), null, 0, 0, null);

    private final Map<String, Object> params;
    private final Duration ttl;
    private final int maxRows;
    private final int fetchSize;
    private final Duration timeout;

    private QueryOptions(Map<String, Object> params, Duration ttl, int maxRows, int fetchSize, Duration timeout) {
        this.params = params;
        this.ttl = ttl;
        this.maxRows = maxRows;
        this.fetchSize = fetchSize;
        this.timeout = timeout;
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
        return new QueryOptions(Collections.unmodifiableMap(copy), ttl, maxRows, fetchSize, timeout);
    }

    /**
     * @param name  a parameter name, without the colon
     * @param value its value, may be null
     * @return a copy with this parameter added
     */
    public QueryOptions param(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return new QueryOptions(Collections.unmodifiableMap(copy), ttl, maxRows, fetchSize, timeout);
    }

    /**
     * @param ttl how long the result may be served from the cache; {@link Duration#ZERO} turns
     *            caching off even when the connection has a {@code query_ttl}
     * @return a copy with this ttl
     */
    public QueryOptions ttl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(Messages.negativeOption("ttl", ttl));
        }
        return new QueryOptions(params, ttl, maxRows, fetchSize, timeout);
    }

    /**
     * @param maxRows the most rows to read ({@code Statement.setMaxRows}); 0 for all
     * @return a copy with this limit
     */
    public QueryOptions maxRows(int maxRows) {
        return new QueryOptions(params, ttl, nonNegative(maxRows, "maxRows"), fetchSize, timeout);
    }

    /**
     * @param fetchSize rows the driver fetches per round trip ({@code Statement.setFetchSize}); 0 for its default
     * @return a copy with this hint
     */
    public QueryOptions fetchSize(int fetchSize) {
        return new QueryOptions(params, ttl, maxRows, nonNegative(fetchSize, "fetchSize"), timeout);
    }

    /**
     * @param timeout how long the statement may run ({@code Statement.setQueryTimeout}, whole
     *                seconds, at least one)
     * @return a copy with this timeout
     */
    public QueryOptions timeout(Duration timeout) {
        return new QueryOptions(params, ttl, maxRows, fetchSize, Objects.requireNonNull(timeout, "timeout"));
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
            throw new IllegalArgumentException(Messages.negativeOption(what, value));
        }
        return value;
    }

    /** @return the parameter names, ttl and limits; not the values, which may be personal data */
    @Override
    public String toString() {
        return "QueryOptions[params=" + params.keySet() + ", ttl=" + (ttl == null ? "default" : ttl)
                + ", maxRows=" + maxRows + ", fetchSize=" + fetchSize + ", timeout=" + timeout + "]";
    }
}
