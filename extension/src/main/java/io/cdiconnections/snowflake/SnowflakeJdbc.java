package io.cdiconnections.snowflake;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.sql.JdbcQueries;

/**
 * The Snowflake JDBC driver, found by class name so that this package never links to it: the
 * 3.x class {@code net.snowflake.client.jdbc.SnowflakeDriver} or the 4.x class
 * {@code net.snowflake.client.api.driver.SnowflakeDriver}, from the thread's context class loader
 * (the application's) or ours. Only {@code java.sql} types cross the line.
 */
final class SnowflakeJdbc {

    /** The driver classes of the 3.x and 4.x lines, in the order they are tried. */
    static final List<String> DRIVER_CLASSES = List.of("net.snowflake.client.jdbc.SnowflakeDriver",
            "net.snowflake.client.api.driver.SnowflakeDriver");

    /** SQLState of "connection was not established" (Streamlit retries on it) and "connection does not exist". */
    private static final Set<String> LOST_STATES = Set.of("08001", "08003");

    /**
     * Snowflake's codes for a session or token that expired or no longer exists: 390111 session
     * gone, 390112 session expired, 390114 authentication token expired.
     */
    static final Set<Integer> SESSION_EXPIRED_CODES = Set.of(390111, 390112, 390114);

    private SnowflakeJdbc() {
    }

    /**
     * @param loaders where to look, in order
     * @return a new instance of the first driver class found
     */
    static Optional<Driver> driver(ClassLoader... loaders) {
        for (String name : DRIVER_CLASSES) {
            for (ClassLoader loader : loaders) {
                if (loader == null) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, true, loader);
                    return Optional.of((Driver) c.getDeclaredConstructor().newInstance());
                } catch (ClassNotFoundException | LinkageError e) {
                    // try the next
                } catch (ReflectiveOperationException | ClassCastException e) {
                    // a class of that name that is not a usable driver: try the next
                }
            }
        }
        return Optional.empty();
    }

    /** @return the driver, from the context class loader or ours */
    static Optional<Driver> driver() {
        return driver(Thread.currentThread().getContextClassLoader(), SnowflakeJdbc.class.getClassLoader());
    }

    /**
     * @param connection the connection name, for messages
     * @return the driver
     * @throws ConnectionConfigException naming the Maven coordinates when it is not on the class path
     */
    static Driver require(String connection) {
        return driver().orElseThrow(() -> new ConnectionConfigException(SnowflakeMessages.snowflakeDriverMissing(connection)));
    }

    /**
     * Opens a connection with the driver.
     *
     * @param driver the driver
     * @param target the URL and properties
     * @return the connection
     * @throws SQLException when the driver fails to log in
     */
    static Connection connect(Driver driver, SnowflakeTarget target) throws SQLException {
        Connection c = driver.connect(target.url(), target.driverProperties());
        if (c == null) {
            throw new SQLException(SnowflakeMessages.snowflakeUrlRejected(Redaction.url(target.url())), "08001");
        }
        return c;
    }

    /**
     * The queries of both Snowflake types: Streamlit's retry, which tries again - at most
     * {@code retry_attempts} times, {@code retry_wait} apart, with a new session each time - only
     * when the session expired or the connection is gone ({@link #isSessionLost}).
     *
     * @param owner      the connection type, for its logger
     * @param connection the connection name
     * @param jdbc       how its raw instance gives the session's JDBC connection
     * @param <R>        the raw instance
     * @return the queries
     */
    static <R> JdbcQueries<R> queries(Class<?> owner, String connection, JdbcQueries.JdbcOf<R> jdbc) {
        return new JdbcQueries<>(owner, connection, jdbc, SnowflakeJdbc::isSessionLost,
                (attempts, error, cause) -> new ConnectionUnavailableException(
                        SnowflakeMessages.snowflakeSessionExpired(connection, attempts, error), cause));
    }

    /**
     * Whether a failure means the session expired or the connection is gone, anywhere in the
     * cause chain: worth a new session and another try.
     *
     * @param error the failure
     * @return whether it is one
     */
    static boolean isSessionLost(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && (LOST_STATES.contains(sql.getSQLState())
                    || SESSION_EXPIRED_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
