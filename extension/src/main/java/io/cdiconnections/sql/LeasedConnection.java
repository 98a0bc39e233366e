package io.cdiconnections.sql;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * A pooled JDBC connection handed to a caller, which also holds the pool it came from: the pool
 * is not closed by a reset while the caller still has the connection, and is let go when the
 * caller closes (or aborts) it. Every other call goes to the pooled connection. A shared connection (one
 * session for every caller, as Snowflake's) is not closed with the caller's handle, only let go.
 *
 * <p>Written out by hand rather than as a {@code java.lang.reflect.Proxy}, so that no call on a
 * borrowed connection goes through reflection (docs/performance.md, row 2b). {@code equals} and
 * {@code hashCode} are {@code Object}'s: a handle equals only itself.
 */
final class LeasedConnection implements Connection {

    private static final String CLOSED = "This connection was closed by its user; ask the handle for a new one.";
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";

    private final Connection target;
    private final Runnable release;
    private final boolean closesTarget;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LeasedConnection(Connection target, Runnable release, boolean closesTarget) {
        this.target = target;
        this.release = release;
        this.closesTarget = closesTarget;
    }

    /**
     * @param target  the pooled connection
     * @param release lets go of the pool; run once, when the connection is closed
     * @return the connection to hand out
     */
    static Connection wrap(Connection target, Runnable release) {
        return new LeasedConnection(target, release, true);
    }

    /**
     * @param pool     the pool to borrow from
     * @param release  lets go of the pool; run once, when the connection is closed or could not be had
     * @param failures the connection's exceptions, for a connection that could not be had
     * @return a connection of the pool, wrapped as by {@link #wrap}
     */
    static Connection borrow(DataSource pool, Runnable release, Supplier<Failures> failures) {
        try {
            return wrap(pool.getConnection(), release);
        } catch (SQLException e) {
            release.run();
            throw failures.get().forWrite(e, null);
        } catch (RuntimeException | Error e) {
            release.run();
            throw e;
        }
    }

    /**
     * @param target  a connection other callers use too
     * @param release lets go of the caller's hold; run once, when the handed-out connection is closed
     * @return the connection to hand out; closing or aborting it leaves {@code target} open (other
     *         callers use it; a stuck session is the handle's to reset), and later calls fail
     */
    static Connection share(Connection target, Runnable release) {
        return new LeasedConnection(target, release, false);
    }

    // ------------------------------------------------------------------ the lease

    @Override
    public void close() throws SQLException {
        if (closed.compareAndSet(false, true)) {
            try {
                if (closesTarget) {
                    target.close();
                }
            } finally {
                release.run();
            }
        }
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (closed.compareAndSet(false, true)) {
            try {
                if (closesTarget) {
                    target.abort(executor);
                }
            } finally {
                release.run();
            }
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed.get() || target.isClosed();
    }

    /** Answers even after a shared connection was closed: it tells whether the session is still good. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        return target.isValid(timeout);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : open().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || open().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "LeasedConnection[" + target + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * @return the connection to call: a pooled one closes itself and answers for itself once
     *         closed; a shared one stays open for others, so its closed handle must refuse
     * @throws SQLException (08003) when this handle of a shared connection was closed
     */
    private Connection open() throws SQLException {
        if (!closesTarget && closed.get()) {
            throw new SQLException(CLOSED, CONNECTION_DOES_NOT_EXIST);
        }
        return target;
    }

    /** {@link #open()} for the two calls that may only throw {@link SQLClientInfoException}. */
    private Connection openForClientInfo() throws SQLClientInfoException {
        if (!closesTarget && closed.get()) {
            throw new SQLClientInfoException(CLOSED, CONNECTION_DOES_NOT_EXIST, Map.of());
        }
        return target;
    }

    // ------------------------------------------------------------------ everything else goes to the target

    @Override
    public Statement createStatement() throws SQLException {
        return open().createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return open().prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return open().prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return open().nativeSQL(sql);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        open().setAutoCommit(autoCommit);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return open().getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        open().commit();
    }

    @Override
    public void rollback() throws SQLException {
        open().rollback();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return open().getMetaData();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        open().setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return open().isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        open().setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return open().getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        open().setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return open().getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return open().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        open().clearWarnings();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return open().getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        open().setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        open().setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return open().getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return open().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return open().setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        open().rollback(savepoint);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        open().releaseSavepoint(savepoint);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return open().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return open().prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return open().prepareStatement(sql, columnNames);
    }

    @Override
    public Clob createClob() throws SQLException {
        return open().createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return open().createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return open().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return open().createSQLXML();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        openForClientInfo().setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        openForClientInfo().setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return open().getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return open().getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return open().createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return open().createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        open().setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return open().getSchema();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        open().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return open().getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        open().beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        open().endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        return open().setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return open().setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        open().setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        open().setShardingKey(shardingKey);
    }
}
