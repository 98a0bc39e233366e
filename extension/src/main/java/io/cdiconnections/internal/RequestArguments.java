package io.cdiconnections.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The checks of the arguments of one connection request, each run once where the argument is
 * given: by {@code Connections.Builder} as each method is called, and by the registry's request
 * as an annotation is read. Each throws what {@code fail} makes of the message (a
 * {@code ConnectionConfigException}: this package does not know the API's exceptions).
 */
public final class RequestArguments {

    /** The prefix of a name read from a config property or environment variable. */
    public static final String ENV_PREFIX = "env:";

    /** The bound that is none: the value of {@code Connection.UNBOUNDED}. */
    public static final int UNBOUNDED = -1;

    private RequestArguments() {
    }

    /**
     * @param name  the name as written (may be {@code env:VAR}), possibly null
     * @param where how the user wrote the request, for messages
     * @param fail  makes the exception of a message
     * @return the name, trimmed
     */
    public static String name(String name, String where, Function<String, ? extends RuntimeException> fail) {
        if (name == null || name.isBlank()) {
            throw fail.apply(RequestMessages.emptyName(where));
        }
        if (name.startsWith(ENV_PREFIX) && name.substring(ENV_PREFIX.length()).isBlank()) {
            throw fail.apply(RequestMessages.emptyEnvName(name, where));
        }
        return name.trim();
    }

    /**
     * @param connection the connection name as written
     * @param ttl        the ttl as written, trimmed: ISO-8601 or seconds, or empty for the default
     * @param where      how the user wrote the request
     * @param fail       makes the exception of a message
     * @return the duration (zero means forever), or null when empty
     */
    public static Duration ttl(String connection, String ttl, String where,
                               Function<String, ? extends RuntimeException> fail) {
        if (ttl.isEmpty()) {
            return null;
        }
        return Durations.parse(ttl).orElseThrow(() -> fail.apply(RequestMessages.badTtl(connection, ttl, where)));
    }

    /**
     * @param connection the connection name as written
     * @param ttl        the ttl given in code
     * @param where      how the user wrote the request
     * @param fail       makes the exception of a message
     * @return the ttl (zero means forever)
     */
    public static Duration ttl(String connection, Duration ttl, String where,
                               Function<String, ? extends RuntimeException> fail) {
        if (ttl.isNegative()) {
            throw fail.apply(RequestMessages.badTtl(connection, ttl.toString(), where));
        }
        return ttl;
    }

    /**
     * @param connection the connection name as written
     * @param maxEntries the bound given
     * @param where      how the user wrote the request
     * @param fail       makes the exception of a message
     * @return the bound: positive or {@link #UNBOUNDED}
     */
    public static int maxEntries(String connection, int maxEntries, String where,
                                 Function<String, ? extends RuntimeException> fail) {
        if (maxEntries != UNBOUNDED && maxEntries <= 0) {
            throw fail.apply(RequestMessages.badMaxEntries(connection, maxEntries, where));
        }
        return maxEntries;
    }

    /**
     * Checks an option given as a key and a value.
     *
     * @param connection the connection name as written
     * @param key        the key, trimmed
     * @param value      its value
     * @param where      how the user wrote the request
     * @param fail       makes the exception of a message
     */
    public static void option(String connection, String key, String value, String where,
                              Function<String, ? extends RuntimeException> fail) {
        if (key == null || key.isBlank()) {
            throw fail.apply(RequestMessages.malformedOption(connection, "=...", where));
        }
        Objects.requireNonNull(value, () -> "option " + key + " of connection " + connection + " has a null value");
    }

    /**
     * Splits an option written {@code key=value} (an annotation's); the key is checked with the
     * others, by {@link #option(String, String, String, String, Function)}.
     *
     * @param connection the connection name as written
     * @param option     the option as written
     * @param where      how the user wrote the request
     * @param fail       makes the exception of a message
     * @return the key and the value, each trimmed
     */
    public static Map.Entry<String, String> split(String connection, String option, String where,
                                                  Function<String, ? extends RuntimeException> fail) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw fail.apply(RequestMessages.malformedOption(connection, option, where));
        }
        return Map.entry(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
    }
}
