package io.cdiconnections.sql;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;

import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Redaction;

/**
 * Tells a lost or unreachable database from a failed statement, and turns JDBC errors into our
 * exceptions with the connection's secret values removed.
 */
final class Failures {

    /** PostgreSQL's "terminating connection due to administrator command" and its kin. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_SQL_IN_MESSAGE = 200;

    private final String connection;
    private final Map<String, String> values;

    /**
     * @param connection the connection name
     * @param values     its parameters, whose secret values must not appear in a message
     */
    Failures(String connection, Map<String, String> values) {
        this.connection = connection;
        this.values = values;
    }

    /**
     * Whether the failure means the database could not be reached or the connection was lost
     * (SQLState class 08, the JDBC connection exception classes, a killed backend, a socket
     * error), anywhere in the cause chain: worth a reset and another try for a read.
     *
     * @param error the failure
     * @return whether it is a connection-class failure
     */
    static boolean isConnectionFailure(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException || t instanceof EOFException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is HikariCP's timeout waiting for a connection while the database was
     * reachable (no connect failure behind it): the pool was busy, not broken.
     *
     * @param error the failure
     * @return whether it is a busy pool's timeout
     */
    static boolean isPoolExhausted(Throwable error) {
        return error instanceof SQLTransientConnectionException && error.getCause() == null
                && String.valueOf(error.getMessage()).contains("Connection is not available");
    }

    /** A statement that failed for a reason of its own; its text too may hold a secret ({@code alter user ... password}). */
    QueryException statement(SQLException e, String sql) {
        return QueryException.of(SqlMessages.sqlStatementFailed(connection, e.getSQLState(), text(e),
                excerpt(Redaction.redact(sql, values))),
                e, Redaction.scrub(e, values));
    }

    /** A write, transaction or borrowed connection that failed: never retried. */
    RuntimeException forWrite(SQLException e, String sql) {
        if (isConnectionFailure(e)) {
            return writeUnavailable(e);
        }
        return statement(e, sql);
    }

    /**
     * An insert of many rows that failed: the driver's own error (a batch's next exception when
     * it has one), where it failed, and that nothing was kept.
     */
    RuntimeException forInsert(SQLException e, String table, String where) {
        SQLException cause = e.getNextException() != null ? e.getNextException()
                : e instanceof java.sql.BatchUpdateException && e.getCause() instanceof SQLException s ? s : e;
        if (isConnectionFailure(e) || isConnectionFailure(cause)) {
            return writeUnavailable(e);
        }
        return QueryException.of(SqlMessages.sqlInsertFailed(connection, table, where, cause.getSQLState(), text(cause)),
                cause, Redaction.scrub(e, values));
    }

    /** A write that could not reach the database: never retried, since it may already have been applied. */
    ConnectionUnavailableException writeUnavailable(Throwable e) {
        return new ConnectionUnavailableException(SqlMessages.sqlWriteUnavailable(connection, text(e)),
                Redaction.scrub(e, values));
    }

    /** A query that is not known to be a read and lost its connection after it was sent: never retried. */
    ConnectionUnavailableException queryNotRetried(SQLException e) {
        return new ConnectionUnavailableException(SqlMessages.sqlQueryNotRetried(connection, text(e)),
                Redaction.scrub(e, values));
    }

    /** A stream that lost its connection after its first row: not retried. */
    ConnectionUnavailableException streamLost(SQLException e) {
        return new ConnectionUnavailableException(SqlMessages.sqlStreamLost(connection, text(e)),
                Redaction.scrub(e, values));
    }

    /** A connection to the database that could not be opened. */
    ConnectionUnavailableException connectFailed(Throwable e, String target) {
        return new ConnectionUnavailableException(SqlMessages.sqlConnectFailed(connection, target, text(e)),
                Redaction.scrub(e, values));
    }

    /** @return the first database error in the chain and, when another, its root cause; secrets removed */
    String text(Throwable e) {
        Throwable first = null;
        Throwable root = e;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (first == null && t instanceof SQLException) {
                first = t;
            }
            root = t;
        }
        Throwable main = first == null ? e : first;
        StringBuilder sb = new StringBuilder(describe(main));
        if (root != main) {
            sb.append(" (caused by ").append(describe(root)).append(')');
        }
        return Redaction.redact(sb.toString(), values);
    }

    private static String describe(Throwable t) {
        String state = t instanceof SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        return t.getClass().getSimpleName() + ": " + t.getMessage() + state;
    }

    private static String excerpt(String sql) {
        if (sql == null) {
            return "";
        }
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SQL_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_SQL_IN_MESSAGE) + "...";
    }
}
