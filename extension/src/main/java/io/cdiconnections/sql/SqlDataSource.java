package io.cdiconnections.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.cdiconnections.ConnectionException;
import io.cdiconnections.ConnectionUnavailableException;

/**
 * {@link SQLConnection#dataSource()}: a DataSource that always borrows from the connection's
 * current pool, so it outlives resets, ttl expiries and secrets changes. For libraries that want
 * a DataSource (jOOQ, MyBatis, Flyway, Spring's JdbcTemplate).
 */
final class SqlDataSource implements DataSource {

    private final SQLConnection sql;

    SqlDataSource(SQLConnection sql) {
        this.sql = sql;
    }

    /** Our exceptions become the JDBC ones a library expects from a DataSource, the message kept. */
    @Override
    public Connection getConnection() throws SQLException {
        try {
            return sql.connection();
        } catch (ConnectionUnavailableException e) {
            throw new SQLTransientConnectionException(e.getMessage(), "08001", e);
        } catch (ConnectionException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** Credentials come from secrets; a pooled data source cannot switch users per call. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(SqlMessages.sqlNoPerCallCredentials(sql.name()));
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the pool logs through its own logger
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // bounded by the pool's connectionTimeout; set pool.connectionTimeout instead
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(SqlMessages.notAWrapper(iface));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "SqlDataSource[" + sql.name() + "]";
    }
}
