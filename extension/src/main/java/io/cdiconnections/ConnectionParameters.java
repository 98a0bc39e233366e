package io.cdiconnections;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.cdiconnections.internal.Durations;
import io.cdiconnections.internal.Redaction;

/**
 * The read-only parameters of one connection: the keys of its {@code [connections.<name>]}
 * section, resolved through MicroProfile Config (so environment variables and system properties
 * apply), with the options given in code laid over them. Keys are relative to the section and
 * flattened: {@code host}, {@code query.charset}, {@code create_engine_kwargs.pool_size}.
 *
 * <pre>{@code
 * protected DataSource connect(ConnectionParameters p) {
 *     String host = p.require("host");
 *     int port = p.getInt("port").orElse(5432);
 *     Map<String, String> query = p.section("query").asMap();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #toString()} shows the keys, never the values.
 */
public final class ConnectionParameters {

    private final String connectionName;
    private final Map<String, String> values;
    private final Set<String> fromOptions;

    /**
     * @param connectionName the connection these parameters belong to (for messages)
     * @param values         the flattened keys and their values
     * @param fromOptions    the keys whose value came from options given in code
     */
    public ConnectionParameters(String connectionName, Map<String, String> values, Set<String> fromOptions) {
        this.connectionName = connectionName;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.fromOptions = Set.copyOf(fromOptions);
    }

    /**
     * @param connectionName the connection these parameters belong to
     * @param values         the flattened keys and their values
     * @return parameters none of which came from code
     */
    public static ConnectionParameters of(String connectionName, Map<String, String> values) {
        return new ConnectionParameters(connectionName, values, Set.of());
    }

    /** @return the connection name these parameters belong to */
    public String connectionName() {
        return connectionName;
    }

    /**
     * @param key a flattened key relative to the section, such as {@code host}
     * @return its value, if set and not empty
     */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * @param key a flattened key relative to the section
     * @return its value
     * @throws ConnectionConfigException naming the key and where to set it, when it is missing
     */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConnectionConfigException(ConnectionMessages.missingKey(connectionName, key)));
    }

    /**
     * @param key a flattened key
     * @return its value as an int
     * @throws ConnectionConfigException when it is set but not an integer
     */
    public Optional<Integer> getInt(String key) {
        return get(key).map(v -> {
            try {
                return Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                throw new ConnectionConfigException(ConnectionMessages.notAnInteger(connectionName, key));
            }
        });
    }

    /**
     * @param key a flattened key
     * @return its value as a boolean ({@code true}/{@code false}, any case)
     * @throws ConnectionConfigException when it is set but not a boolean
     */
    public Optional<Boolean> getBoolean(String key) {
        return get(key).map(v -> {
            String t = v.trim();
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new ConnectionConfigException(ConnectionMessages.notABoolean(connectionName, key));
        });
    }

    /**
     * @param key a flattened key
     * @return its value as a duration: ISO-8601 ({@code PT10M}) or seconds ({@code 600},
     *         {@code 1.5})
     * @throws ConnectionConfigException when it is set but not a duration
     */
    public Optional<Duration> getDuration(String key) {
        return get(key).map(v -> Durations.parse(v)
                .orElseThrow(() -> new ConnectionConfigException(ConnectionMessages.notADuration(connectionName, key))));
    }

    /**
     * @param prefix a key prefix without trailing dot, such as {@code query}
     * @return the keys below it, relative to it ({@code query.charset} becomes {@code charset})
     */
    public ConnectionParameters section(String prefix) {
        String p = prefix + ".";
        Map<String, String> sub = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                sub.put(k.substring(p.length()), v);
            }
        });
        return ConnectionParameters.of(connectionName, sub);
    }

    /**
     * @param key a flattened key
     * @return whether it is set (even to an empty value)
     */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /**
     * @param key a flattened key
     * @return whether its value came from options given in code rather than from secrets
     */
    public boolean isFromOptions(String key) {
        return fromOptions.contains(key);
    }

    /** @return the keys, sorted */
    public Set<String> keys() {
        return values.keySet();
    }

    /** @return whether there are no keys at all */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The values as a map, for handing to a driver. Never log or print it.
     *
     * @return an unmodifiable sorted map of the flattened keys and their values
     */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * Replaces every secret value of these parameters (passwords, tokens, the password inside a
     * URL) found in {@code text} by {@code ****}: for messages built from driver errors.
     *
     * @param text a text that may quote a secret
     * @return the text without secret values
     */
    public String redact(String text) {
        return Redaction.redact(text, values);
    }

    /** @return the connection name and the keys, never the values */
    @Override
    public String toString() {
        return "ConnectionParameters[" + connectionName + ": " + values.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionParameters other
                && connectionName.equals(other.connectionName) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return connectionName.hashCode() * 31 + values.hashCode();
    }
}
