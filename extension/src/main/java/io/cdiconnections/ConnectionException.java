package io.cdiconnections;

/**
 * The root of every error cdi-connections raises. Messages name the connection, the key or the
 * injection point and say how to fix the problem; they never contain a secret value.
 */
public class ConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public ConnectionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it, without secret values
     * @param cause   the underlying failure
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
