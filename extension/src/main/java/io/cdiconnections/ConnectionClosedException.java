package io.cdiconnections;

/**
 * A connection handle was used after {@link BaseConnection#close()} (typically while the application shuts down).
 */
public class ConnectionClosedException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public ConnectionClosedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it, without secret values
     * @param cause   the underlying failure
     */
    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
