package io.cdiconnections.internal.health;

import java.time.Duration;

/**
 * What a health check found for one connection. Holds no secret: messages are redacted.
 *
 * <pre>{@code
 * for (ConnectionStatus s : new ConnectionProbe(registry).check()) {
 *     System.out.println(s.name() + " " + (s.up() ? "UP" : "DOWN") + " " + s.state());
 * }
 * }</pre>
 *
 * @param name    the connection name, the {@code <name>} of {@code [connections.<name>]}
 * @param type    the connection class's simple name, or {@code "?"} when it is not known yet
 * @param up      whether the connection is usable (or not connected and not known to fail)
 * @param state   one of {@link #CONNECTED}, {@link #NOT_CONNECTED}, {@link #CONNECT_FAILED},
 *                {@link #CHECK_FAILED}, {@link #TIMED_OUT}, {@link #INVALID_CONFIGURATION}
 * @param error   the class name of the exception behind a DOWN, else null
 * @param message what went wrong, with secret values replaced by {@code ****}, else null
 * @param time    how long the check took
 */
public record ConnectionStatus(String name, String type, boolean up, String state, String error, String message,
                               Duration time) {

    /** A raw instance exists and its check passed. */
    public static final String CONNECTED = "connected";
    /** No raw instance exists and none was made for the check; no failure is known. */
    public static final String NOT_CONNECTED = "not connected";
    /** The last attempt to connect failed. */
    public static final String CONNECT_FAILED = "connect failed";
    /** A raw instance exists and its check failed. */
    public static final String CHECK_FAILED = "check failed";
    /** The check did not end within the timeout. */
    public static final String TIMED_OUT = "timed out";
    /** The type or the parameters are wrong: connecting would fail without trying. */
    public static final String INVALID_CONFIGURATION = "invalid configuration";

    /** @return {@code "UP"} or {@code "DOWN"} */
    public String status() {
        return up ? "UP" : "DOWN";
    }

    /** @return one line: name, type, status, state, time and, for a DOWN, the error and message */
    @Override
    public String toString() {
        return name + " (" + type + "): " + status() + ", " + state + ", " + time.toMillis() + " ms"
                + (error == null ? "" : ": " + error + ": " + message);
    }
}
