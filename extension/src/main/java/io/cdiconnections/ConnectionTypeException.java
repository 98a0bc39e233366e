package io.cdiconnections;

/**
 * The type of a connection cannot be resolved: an unknown short name, a missing class, a class that does not extend {@link BaseConnection} or lacks the needed constructor, or sources that disagree.
 */
public class ConnectionTypeException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public ConnectionTypeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it, without secret values
     * @param cause   the underlying failure
     */
    public ConnectionTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
