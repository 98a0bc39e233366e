package io.cdiconnections.sql;

import java.util.List;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of running statements on a SQL connection: connecting, lost connections and retries,
 * failed statements, {@code :name} parameters, results and their mapping to records and beans.
 * Each names the connection and says what to do; none contains a secret value.
 */
final class SqlMessages {

    private SqlMessages() {
    }

    /**
     * @param connection the connection name
     * @param target     the dialect, JDBC URL and user (never a password)
     * @param cause      the redacted cause
     * @return the message for a pool that could not open its first connection
     */
    static String sqlConnectFailed(String connection, String target, String cause) {
        return "Connection '" + connection + "' (SQLConnection) could not connect to " + target + ": " + cause
                + ". Check that the database is up and reachable, and the host, port, database, username and "
                + "password in the " + SecretsReader.section(connection) + " section of secrets.toml and their environment "
                + "overrides (such as " + SecretsReader.environmentVariable(connection, "password") + "); the next use tries again.";
    }

    /**
     * @param connection the connection name
     * @param attempts   how many attempts were made
     * @param cause      the redacted cause of the last failure
     * @return the message for a read that failed on every attempt for want of a database
     */
    static String sqlReadUnavailable(String connection, int attempts, String cause) {
        return "Connection '" + connection + "': the database could not be reached; the query failed "
                + attempts + " time" + (attempts == 1 ? "" : "s") + ", with a reconnect between attempts. Last error: "
                + cause + ". The next call tries again.";
    }

    /**
     * @param connection the connection name
     * @param cause      the redacted cause
     * @return a query that is not known to be a read lost its connection after it was sent
     */
    static String sqlQueryNotRetried(String connection, String cause) {
        return "Connection '" + connection + "': the connection was lost while the statement ran: " + cause
                + ". It is not retried, since it is not known to be a read (it does not start with SELECT, VALUES, "
                + "TABLE, SHOW, DESCRIBE or EXPLAIN, or it names INSERT, UPDATE, DELETE, MERGE or INTO) and may "
                + "already have been applied; check before repeating it, or pass QueryOptions.retry(true) if it is "
                + "safe to run twice.";
    }

    /**
     * @param connection the connection name
     * @param cause      the redacted cause
     * @return the message for a write, transaction or borrowed connection that lost the database
     */
    static String sqlWriteUnavailable(String connection, String cause) {
        return "Connection '" + connection + "': the database could not be reached: " + cause
                + ". Writes are never retried, since one that met a lost connection may already have been applied; "
                + "check before repeating it.";
    }

    /**
     * @param connection the connection name
     * @param sqlState   the SQLState, or null
     * @param cause      the database's (redacted) message
     * @param sql        the start of the statement
     * @return the message for a statement the database refused
     */
    static String sqlStatementFailed(String connection, String sqlState, String cause, String sql) {
        return "Connection '" + connection + "': the statement failed" + (sqlState == null ? "" : " (SQLState "
                + sqlState + ")") + ": " + cause + (sql.isEmpty() ? "" : ". Statement: " + sql);
    }

    /**
     * @param connection the connection name
     * @return the message for query() on a statement that is not a query (produces no result set); an
     *         empty result is an empty table, not this
     */
    static String sqlNoResultSet(String connection) {
        return "Connection '" + connection + "': query() ran a statement that is not a query (produces no "
                + "result set). Use update() for insert, update, delete and DDL statements; query() is for "
                + "statements that produce a result set, even an empty one, and is retried when the connection "
                + "is lost.";
    }

    /**
     * @param connection the connection name
     * @param wait       the pause before the next attempt
     * @return the log message before a read is tried again
     */
    static String sqlRetrying(String connection, java.time.Duration wait) {
        return "Connection '" + connection + "': the database could not be reached; reconnecting and trying the "
                + "query again in " + wait.toMillis() + " ms.";
    }

    /**
     * @param connection   the connection name
     * @param unterminated what never ends and where
     * @param given        the names of the values given
     * @return the message for a statement whose parameters cannot be found for sure
     */
    static String sqlUnterminated(String connection, String unterminated, java.util.Collection<String> given) {
        return "Connection '" + connection + "': the statement has " + unterminated + ", read as this connection's "
                + "database reads it, so its :name parameters " + new java.util.TreeSet<>(given) + " cannot be "
                + "bound for sure. Close it, or escape the quote as the database expects (doubled, or with a "
                + "backslash on MySQL and MariaDB and in PostgreSQL's E'...' strings).";
    }

    /**
     * @param connection the connection name
     * @param name       the parameter without a value
     * @param given      the names of the values given
     * @return the message for a {@code :name} with no value
     */
    static String sqlMissingParameter(String connection, String name, java.util.Collection<String> given) {
        return "Connection '" + connection + "': the SQL uses the parameter :" + name + " but no value named '" + name
                + "' was given (values given: " + (given.isEmpty() ? "none" : String.join(", ", given))
                + "). Pass it, as in query(sql, Map.of(\"" + name + "\", value)); a literal colon is written \\:"
                + name + ".";
    }

    /**
     * @param connection the connection name
     * @param name       the value without a parameter
     * @param inSql      the parameter names the SQL uses
     * @return the message for a value no {@code :name} uses
     */
    static String sqlExtraParameter(String connection, String name, java.util.Collection<String> inSql) {
        return "Connection '" + connection + "': a value named '" + name + "' was given but the SQL has no :" + name
                + " (its parameters: " + (inSql.isEmpty() ? "none" : ":" + String.join(", :", inSql))
                + "). Remove the value or fix the name; a :name inside quotes or a comment is not a parameter.";
    }

    /**
     * @param connection the connection name
     * @param name       the parameter
     * @return the message for an empty collection, which cannot form an IN list
     */
    static String sqlEmptyCollection(String connection, String name) {
        return "Connection '" + connection + "': the parameter :" + name + " is an empty collection, and an IN list "
                + "needs at least one value. Skip the query, or leave the condition out, when the list is empty.";
    }

    /**
     * @param column    the column
     * @param valueType the type of the value
     * @param target    the type (and member) wanted
     * @return the message for a value that does not convert
     */
    static String sqlCannotConvert(String column, String valueType, String target) {
        return "The value of column '" + column + "' is a " + valueType + " and cannot be converted to " + target
                + ". Change the type of the component or property, or cast the column in SQL.";
    }

    /**
     * @param column   the column indexed by
     * @param firstRow the first row holding the value, from 0
     * @param row      the row holding it again, from 0
     * @return the message for a key that occurs twice; the value is not shown
     */
    static String sqlDuplicateIndexKey(String column, int firstRow, int row) {
        return "Cannot index the result by column '" + column + "': rows " + firstRow + " and " + row
                + " (counted from 0) hold the same value, and keys must be unique. Index by a column whose values "
                + "are unique (a primary key), or group the rows yourself (table.stream().collect(groupingBy(...))).";
    }

    /**
     * @param column the column indexed by
     * @param row    the row whose value is NULL, from 0
     * @return the message for a NULL key
     */
    static String sqlNullIndexKey(String column, int row) {
        return "Cannot index the result by column '" + column + "': row " + row + " (counted from 0) holds NULL, "
                + "which is not a key. Leave such rows out (where " + column + " is not null) or index by another column.";
    }

    /**
     * @param column the column indexed by
     * @return the message for binary keys
     */
    static String sqlArrayIndexKey(String column) {
        return "Cannot index the result by column '" + column + "': its values are binary (byte[]), which are "
                + "equal only to themselves. Index by another column, or by this one converted: "
                + "indexBy(\"" + column + "\", String.class).";
    }

    /**
     * @param column  the column name asked for
     * @param columns the columns there are
     * @return the message for a column name that is not in the result
     */
    static String sqlNoSuchColumn(String column, java.util.List<String> columns) {
        return "The result has no column '" + column + "'; its columns are " + columns + ".";
    }

    /**
     * @param type    the single-value type
     * @param columns how many columns the result has
     * @return the message for as(String.class) and the like on a result of several columns
     */
    static String sqlScalarNeedsOneColumn(String type, int columns) {
        return "as(" + type + ".class) maps each row to a single value, but the result has " + columns
                + " columns. Select one column, or map to a record or bean with a component per column.";
    }

    /**
     * @param type      the record
     * @param component the component without a column
     * @param columns   the columns there are
     * @return the message for a record component no column fills
     */
    static String sqlNoColumnForComponent(String type, String component, java.util.List<String> columns) {
        return "No column of the result fills the component '" + component + "' of record " + type + "; the columns are "
                + columns + ". Names match ignoring case and underscores (owner_name fills ownerName): rename the "
                + "component or alias the column in SQL (select ... as " + component + ").";
    }

    /**
     * @param type the bean
     * @param columns the columns there are
     * @return the message for a bean none of whose properties matches a column
     */
    static String sqlNoMatchingProperty(String type, java.util.List<String> columns) {
        return "No setter or field of " + type + " matches a column of the result " + columns
                + ". Names match ignoring case and underscores (owner_name sets setOwnerName or the field ownerName).";
    }

    /**
     * @param type the class
     * @return the message for a class that cannot be created
     */
    static String sqlNotInstantiable(String type) {
        return "Rows cannot be mapped to " + type + ": it needs a canonical constructor (a record) or a constructor "
                + "without parameters (a bean) that can be called; make the class and constructor public, or open "
                + "its package to cdi-connections.";
    }

    /**
     * @param type  the class
     * @param cause what its constructor or setter threw
     * @return the message for a constructor or setter that threw
     */
    static String sqlConstructorFailed(String type, String cause) {
        return "Mapping a row to " + type + " failed: its constructor or a setter threw " + cause + ".";
    }

    /**
     * @param column the column
     * @param member the record component or property
     * @param type   its primitive type
     * @return the message for NULL headed for a primitive
     */
    static String sqlNullIntoPrimitive(String column, String member, String type) {
        return "Column '" + column + "' is NULL but '" + member + "' is a " + type + ", which cannot hold null. "
                + "Use the wrapper type (such as Integer) or coalesce the column in SQL.";
    }

    /**
     * @param connection the connection name
     * @return the message for getConnection(user, password) on the data source
     */
    static String sqlNoPerCallCredentials(String connection) {
        return "Connection '" + connection + "': the data source is a pool whose credentials come from the "
                + SecretsReader.section(connection) + " section; getConnection(user, password) is not supported. "
                + "Call getConnection(), or define another connection for the other user.";
    }

    /** @return the message of the SQLException for a pooled connection the driver calls not valid */
    static String sqlNotValid() {
        return "The database connection is not valid (Connection.isValid returned false)";
    }

    /**
     * @param iface the interface asked for
     * @return the message of the SQLException for {@code unwrap} to an interface not implemented
     */
    static String notAWrapper(Class<?> iface) {
        return "Not a wrapper for " + iface.getName();
    }

    /**
     * @param what  the option, such as {@code maxRows}
     * @param value the value given
     * @return the message for a query option that must not be negative
     */
    static String negativeOption(String what, Object value) {
        return what + " must not be negative: " + value;
    }

    // ------------------------------------------------------------------ insert: the rows, before the database

    static String sqlInsertBadTable(String connection, String table) {
        return "Connection '" + connection + "': insert needs a table name, optionally schema-qualified (schema.table), "
                + "without NUL characters or empty parts; got '" + table.replace('\0', '?') + "'.";
    }

    static String sqlInsertBadColumn(String connection, String table, String name) {
        return "Connection '" + connection + "': insert into '" + table + "': the column name '" + name
                + "' is empty or holds a NUL character; name the rows' values after the table's columns.";
    }

    static String sqlInsertBatchSize(String connection, String table, int batchSize) {
        return "Connection '" + connection + "': insert into '" + table + "': the batch size must be at least 1, got "
                + batchSize + "; leave it out for 1000.";
    }

    static String sqlInsertNullRow(String connection, String table, int row) {
        return "Connection '" + connection + "': insert into '" + table + "': row " + row + " (from 0) is null; "
                + "give a map, record or bean for every row. Nothing was inserted.";
    }

    static String sqlInsertKeyNotString(String connection, String table, int row, String key) {
        return "Connection '" + connection + "': insert into '" + table + "': row " + row + " is a map with the key "
                + key + ", which is not a String; its keys must be the column names. Nothing was inserted.";
    }

    static String sqlInsertNotARow(String connection, String table, int row, String type) {
        return "Connection '" + connection + "': insert into '" + table + "': row " + row + " is a " + type
                + ", not a row; give maps of column names to values, records, beans with getters, or a Table. "
                + "Nothing was inserted.";
    }

    static String sqlInsertOtherKeys(String connection, String table, int row, List<String> expected, String found) {
        return "Connection '" + connection + "': insert into '" + table + "': row " + row + " has the columns " + found
                + " but row 0 has " + expected + "; every row must have the same keys (put null for a missing value). "
                + "Nothing was inserted.";
    }

    static String sqlInsertOtherClass(String connection, String table, int row, String expected, String found) {
        return "Connection '" + connection + "': insert into '" + table + "': row " + row + " is a " + found
                + " but row 0 is a " + expected + "; every row must be of the same class. Nothing was inserted.";
    }

    static String sqlInsertGetterFailed(String connection, String table, int row, String getter, String cause) {
        return "Connection '" + connection + "': insert into '" + table + "': reading row " + row + " with " + getter
                + " failed: " + cause + ". Nothing was inserted.";
    }

    // ------------------------------------------------------------------ insert: against the table

    static String sqlInsertNoColumn(String connection, String table, String name, List<String> columns) {
        return "Connection '" + connection + "': insert into '" + table + "': the table has no column for '" + name
                + "' (names match exactly, else ignoring case and underscores); its columns are " + columns
                + ". Rename the key, component or getter, or leave it out. Nothing was inserted.";
    }

    static String sqlInsertSameColumn(String connection, String table, String name, String column) {
        return "Connection '" + connection + "': insert into '" + table + "': '" + name + "' names the column '" + column
                + "' that another name of the rows already fills; keep one of them. Nothing was inserted.";
    }

    /** @return where an insert failed when it failed before its rows: reading the table */
    static String sqlInsertBeforeRows() {
        return "reading the table's columns, before any row (check that the table exists and its name: "
                + "a lower-case name means one created without quotes, any other is taken exactly)";
    }

    static String sqlInsertAtRow(int row, int first, int last) {
        return "row " + row + " (from 0; in the batch of rows " + first + " to " + last + ")";
    }

    static String sqlInsertInBatch(int first, int last) {
        return "the batch of rows " + first + " to " + last + " (from 0)";
    }

    static String sqlInsertFailed(String connection, String table, String where, String sqlState, String cause) {
        return "Connection '" + connection + "': insert into '" + table + "' failed at " + where
                + (sqlState == null ? "" : " (SQLState " + sqlState + ")") + ": " + cause
                + ". The rows go in one transaction, which is rolled back: none of them is kept. Fix the data or "
                + "the table and insert again.";
    }

    /**
     * @param connection the connection name
     * @return the message for a stream of a statement that produces no result set
     */
    static String sqlStreamNoResultSet(String connection) {
        return "Connection '" + connection + "': stream() or chunks() ran a statement that is not a query (produces "
                + "no result set). Use update() for insert, update, delete and DDL statements.";
    }

    /**
     * @param connection the connection name
     * @param cause      the redacted cause
     * @return the message for a stream whose connection was lost after its first row
     */
    static String sqlStreamLost(String connection, String cause) {
        return "Connection '" + connection + "': the connection was lost while a stream was read: " + cause
                + ". A stream is retried only before its first row, since the rows already handed out cannot be "
                + "taken back; read it again from the start (the next call reconnects).";
    }

    /**
     * @param connection the connection name
     * @return the message for reading a stream that was closed
     */
    static String sqlStreamClosed(String connection) {
        return "Connection '" + connection + "': the stream was closed before it was read to its end; its "
                + "connection went back to the pool. Read a stream inside its try-with-resources block.";
    }

    /**
     * @param connection the connection name
     * @param size       the chunk size asked for
     * @return the message for a chunk size below 1
     */
    static String sqlChunkSize(String connection, int size) {
        return "Connection '" + connection + "': chunks() needs a chunk size of at least 1 row, not " + size + ".";
    }

    /** @return the DEBUG line for a stream's result set, statement or connection that failed to close */
    static String sqlStreamCloseFailed() {
        return "Closing a stream's JDBC resources failed; the connection went back to the pool, which resets it.";
    }
}
