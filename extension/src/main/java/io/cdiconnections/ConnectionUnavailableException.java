package io.cdiconnections;

/**
 * The raw instance of a connection could not be created or used because the system behind it cannot be reached (database down, wrong password, timeout). Safe to retry later: the handle reconnects on its next use.
 */
public class ConnectionUnavailableException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public ConnectionUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it, without secret values
     * @param cause   the underlying failure
     */
    public ConnectionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
