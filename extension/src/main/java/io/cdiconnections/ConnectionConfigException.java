package io.cdiconnections;

/**
 * A connection's configuration is missing a required key or holds a value that cannot be used (a bad ttl, a malformed option, an unparsable URL).
 */
public class ConnectionConfigException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public ConnectionConfigException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it, without secret values
     * @param cause   the underlying failure
     */
    public ConnectionConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
