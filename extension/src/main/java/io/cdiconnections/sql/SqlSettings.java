package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Map;

import io.cdiconnections.ConnectionParameters;

/**
 * What a JDBC connection's parameters say about running statements, read at each connect:
 * the default query ttl, the read retry policy, the bound of the result cache and the values
 * messages must not show. {@link SQLConnection} reads every key; the types built on
 * {@link JdbcQueries} (Snowflake's) read all but {@code query_cache_max_bytes}, whose default they keep.
 *
 * @param queryTtl  {@code query_ttl}: how long results are cached when a query names no ttl; zero for no caching
 * @param attempts  {@code retry_attempts}: how often a read is tried on a connection failure (Streamlit: 3)
 * @param retryWait {@code retry_wait}: the pause between attempts (Streamlit: 1 s)
 * @param cacheMaxBytes {@code query_cache_max_bytes}: the estimated bytes of cached results kept at most
 * @param values    the parameters, for redaction only
 * @param cache     {@code cache} and the keys of a shared cache: where results are cached
 */
record SqlSettings(Duration queryTtl, int attempts, Duration retryWait, long cacheMaxBytes, Map<String, String> values,
        CacheSettings cache) {

    static final SqlSettings DEFAULT = new SqlSettings(Duration.ZERO, 3, Duration.ofSeconds(1),
            QueryCache.DEFAULT_MAX_BYTES, Map.of(), CacheSettings.LOCAL);

    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(\\d+)\\s*(|b|kib|kb|mib|mb|gib|gb)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** @return every key read: {@link SQLConnection}'s settings */
    static SqlSettings from(ConnectionParameters p) {
        return read(p, true);
    }

    /** @return the keys read but {@code query_cache_max_bytes}, whose default is kept */
    static SqlSettings withoutCacheBound(ConnectionParameters p) {
        return read(p, false);
    }

    private static SqlSettings read(ConnectionParameters p, boolean cacheBound) {
        int attempts = Math.max(1, p.getInt("retry_attempts").orElse(DEFAULT.attempts));
        long maxBytes = !cacheBound ? DEFAULT.cacheMaxBytes
                : p.get("query_cache_max_bytes").map(v -> bytes(p.connectionName(), v)).orElse(DEFAULT.cacheMaxBytes);
        return new SqlSettings(p.getDuration("query_ttl").orElse(Duration.ZERO), attempts,
                p.getDuration("retry_wait").orElse(DEFAULT.retryWait), maxBytes, p.asMap(), CacheSettings.from(p));
    }

    /** {@code 33554432}, {@code "32MiB"}, {@code "512 KiB"}, {@code "1GB"}: K, M and G are powers of 1024. */
    private static long bytes(String connection, String value) {
        java.util.regex.Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new io.cdiconnections.ConnectionConfigException(SqlConfigMessages
                    .sqlBadSize(connection, "query_cache_max_bytes", value));
        }
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "kib", "kb" -> 10;
            case "mib", "mb" -> 20;
            case "gib", "gb" -> 30;
            default -> 0;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new io.cdiconnections.ConnectionConfigException(SqlConfigMessages
                    .sqlBadSize(connection, "query_cache_max_bytes", value));
        }
    }

    Failures failures(String connection) {
        return new Failures(connection, values);
    }

    @Override
    public String toString() {
        return "SqlSettings[queryTtl=" + queryTtl + ", attempts=" + attempts + ", retryWait=" + retryWait
                + ", cacheMaxBytes=" + cacheMaxBytes + ", cache=" + cache + "]";
    }
}
