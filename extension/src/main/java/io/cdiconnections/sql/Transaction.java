package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.cdiconnections.internal.Telemetry;

/**
 * One database transaction, handed to the work of {@link SQLConnection#withTransaction}: the same
 * {@code query} and {@code update} as the connection, on one JDBC connection with auto-commit
 * off. Nothing here is cached or retried. Valid only while the work runs.
 *
 * <pre>{@code
 * sql.withTransaction(tx -> {
 *     tx.update("update accounts set balance = balance - :x where id = :from", Map.of("x", 10, "from", 1));
 *     tx.update("update accounts set balance = balance + :x where id = :to", Map.of("x", 10, "to", 2));
 *     return null;
 * });
 * }</pre>
 */
public final class Transaction {

    private final String connectionName;
    private final Connection connection;
    private final Failures failures;
    private final NamedSql.Syntax syntax;
    private final Dialect dialect;
    /** Each statement is a span, a child of the transaction's. */
    private final Telemetry.Database observed;

    Transaction(String connectionName, Connection connection, Failures failures, NamedSql.Syntax syntax,
            Dialect dialect, Telemetry.Database observed) {
        this.connectionName = connectionName;
        this.connection = connection;
        this.failures = failures;
        this.syntax = syntax;
        this.dialect = dialect;
        this.observed = observed;
    }

    /**
     * Runs work in this transaction, in a span: committed when it returns, rolled back when it
     * throws (and the exception passed on).
     */
    <T> T run(TransactionWork<T> work) throws SQLException {
        Telemetry.Span span = observed.transaction();
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(this);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            SqlObservation.failed(span, e, failures);
            throw e;
        } finally {
            span.end();
        }
    }

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * @param sql a query with {@code :name} parameters
     * @param params their values
     * @return the result
     * @throws QueryException when the statement fails or is not a query (produces no result set)
     */
    public Table query(String sql, Map<String, ?> params) {
        return query(sql, QueryOptions.defaults().params(params));
    }

    /**
     * @param sql a query without parameters
     * @return the result
     */
    public Table query(String sql) {
        return query(sql, QueryOptions.defaults());
    }

    /**
     * @param sql     a query with {@code :name} parameters
     * @param options its parameters and limits; a ttl is ignored inside a transaction
     * @return the result
     */
    public Table query(String sql, QueryOptions options) {
        NamedSql.Bound bound = NamedSql.parse(sql, syntax).bind(connectionName, options.params());
        Telemetry.Span span = observed.query(sql);
        try {
            Table t = Statements.query(connection, bound, options);
            if (t == null) {
                throw new QueryException(SqlMessages.sqlNoResultSet(connectionName));
            }
            return t;
        } catch (SQLException e) {
            throw SqlObservation.failed(span, failures.forWrite(e, sql));
        } catch (RuntimeException e) {
            throw SqlObservation.failed(span, e);
        } finally {
            span.end();
        }
    }

    /**
     * @param sql    an insert, update, delete or DDL statement with {@code :name} parameters
     * @param params their values
     * @return the number of rows changed
     */
    public int update(String sql, Map<String, ?> params) {
        NamedSql.Bound bound = NamedSql.parse(sql, syntax).bind(connectionName, params);
        Telemetry.Span span = observed.query(sql);
        try {
            return Statements.update(connection, bound);
        } catch (SQLException e) {
            throw SqlObservation.failed(span, failures.forWrite(e, sql));
        } catch (RuntimeException e) {
            throw SqlObservation.failed(span, e);
        } finally {
            span.end();
        }
    }

    /**
     * @param sql a statement without parameters
     * @return the number of rows changed
     */
    public int update(String sql) {
        return update(sql, Map.of());
    }

    /**
     * Inserts many rows into a table in this transaction, as {@link SQLConnection#insert(String,
     * Iterable, int)} does (batches of 1,000), without committing. When it throws, let the
     * exception leave the work so the whole transaction is rolled back: a database may have kept
     * the batches before the failing one.
     *
     * @param table the table, optionally {@code schema.table}
     * @param rows  maps of column names to values, records, beans, or a {@link Table}
     * @return the number of rows inserted
     */
    public int insert(String table, Iterable<?> rows) {
        InsertRows data = InsertRows.read(connectionName, table, rows);
        BatchInsert.check(connectionName, table, data, BatchInsert.DEFAULT_BATCH_SIZE);
        return insert(table, data, BatchInsert.DEFAULT_BATCH_SIZE);
    }

    /** Inserts the rows, in a span of their own (a child of the transaction's) unless there are none. */
    int insert(String table, InsertRows data, int batchSize) {
        if (data.isEmpty()) {
            return 0;
        }
        Telemetry.Span span = observed.insert(table);
        try {
            int n = BatchInsert.run(connection, connectionName, dialect, failures, table, data, batchSize);
            span.rows(n);
            return n;
        } catch (RuntimeException | Error e) {
            SqlObservation.failed(span, e, failures);
            throw e;
        } finally {
            span.end();
        }
    }

    /** @return the JDBC connection of this transaction; do not commit, roll back or close it */
    public Connection connection() {
        return connection;
    }
}
