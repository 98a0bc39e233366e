package io.cdiconnections.sql;

import java.sql.SQLException;

/**
 * The work of {@link SQLConnection#withTransaction(TransactionWork)}: everything it does through
 * the {@link Transaction} commits together, or not at all.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /**
     * @param tx the transaction
     * @return the result of the work
     * @throws SQLException when JDBC work on {@link Transaction#connection()} fails; the
     *                      transaction is rolled back
     */
    T run(Transaction tx) throws SQLException;
}
