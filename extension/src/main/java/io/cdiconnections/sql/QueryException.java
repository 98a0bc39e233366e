package io.cdiconnections.sql;

import java.sql.SQLException;

import io.cdiconnections.ConnectionException;

/**
 * A statement of a {@link SQLConnection} failed for a reason other than an unreachable database:
 * wrong SQL, a constraint, a parameter without a value, a result that does not map to the class
 * asked for. Retrying will not help; the message says what to change. {@link #sqlState()} and
 * {@link #errorCode()} are the database's, when it gave them.
 */
public class QueryException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /** The database's SQLState, or null. */
    private final String sqlState;
    /** The vendor error code, or 0. */
    private final int errorCode;

    /**
     * @param message what went wrong and how to fix it, without secret values
     */
    public QueryException(String message) {
        super(message);
        this.sqlState = null;
        this.errorCode = 0;
    }

    /**
     * @param message what went wrong, without secret values
     * @param cause   the database's error (or a copy of it with secrets removed)
     * @param sqlState the SQLState the database reported, or null
     * @param errorCode the vendor error code, or 0
     */
    public QueryException(String message, Throwable cause, String sqlState, int errorCode) {
        super(message, cause);
        this.sqlState = sqlState;
        this.errorCode = errorCode;
    }

    /**
     * @param message what went wrong, without secret values
     * @param cause   the database's error
     * @param safeCause the cause to attach (the error itself, or a copy without secrets)
     * @return the exception, carrying the database's SQLState and error code
     */
    static QueryException of(String message, SQLException cause, Throwable safeCause) {
        return new QueryException(message, safeCause, cause.getSQLState(), cause.getErrorCode());
    }

    /** @return the SQLState the database reported (such as {@code 42P01}), or null */
    public String sqlState() {
        return sqlState;
    }

    /** @return the vendor's error code, or 0 */
    public int errorCode() {
        return errorCode;
    }
}
