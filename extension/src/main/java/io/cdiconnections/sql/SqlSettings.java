package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Map;

import io.cdiconnections.ConnectionParameters;

/**
 * What a SQL connection's parameters say about running statements, read at each connect:
 * the default query ttl and the read retry policy, and the values messages must not show.
 *
 * @param queryTtl  {@code query_ttl}: how long results are cached when a query names no ttl; zero for no caching
 * @param attempts  {@code retry_attempts}: how often a read is tried on a connection failure (Streamlit: 3)
 * @param retryWait {@code retry_wait}: the pause between attempts (Streamlit: 1 s)
 * @param values    the parameters, for redaction only
 */
record SqlSettings(Duration queryTtl, int attempts, Duration retryWait, Map<String, String> values) {

    static final SqlSettings DEFAULT = new SqlSettings(Duration.ZERO, 3, Duration.ofSeconds(1), Map.of());

    static SqlSettings from(ConnectionParameters p) {
        int attempts = Math.max(1, p.getInt("retry_attempts").orElse(DEFAULT.attempts));
        return new SqlSettings(p.getDuration("query_ttl").orElse(Duration.ZERO), attempts,
                p.getDuration("retry_wait").orElse(DEFAULT.retryWait), p.asMap());
    }

    Failures failures(String connection) {
        return new Failures(connection, values);
    }

    @Override
    public String toString() {
        return "SqlSettings[queryTtl=" + queryTtl + ", attempts=" + attempts + ", retryWait=" + retryWait + "]";
    }
}
