package io.cdiconnections.sql;

import java.util.List;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of {@code SQLConnection}: its configuration, pool, statements, results and failures. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class SqlMessages {

    private SqlMessages() {
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @param value      its value (a size, not a secret)
     * @return the message for a size that does not read
     */
    static String sqlBadSize(String connection, String key, String value) {
        return "Connection '" + connection + "': " + key + " = \"" + value + "\" is not a size. Give bytes (33554432) "
                + "or a number with KiB, MiB or GiB (\"32MiB\"), in [connections." + connection + "] or "
                + "CONNECTIONS_" + connection.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                + key.toUpperCase(java.util.Locale.ROOT) + ".";
    }


    /**
     * @param connection the connection name
     * @return the message for a SQL connection with no address keys at all (Streamlit's words)
     */
    static String sqlMissingConfiguration(String connection) {
        return "Missing SQL DB connection configuration for connection '" + connection + "'. Did you forget to "
                + "set this in secrets.toml, as environment variables, or as options in code? Write a "
                + SecretsReader.section(connection) + " section with url = \"postgresql://user:password@host:5432/db\" "
                + "(or dialect, host, username, password, database), set " + SecretsReader.environmentVariable(connection, "url")
                + ", or give @Connection(options = \"url=...\").";
    }

    /**
     * @param connection the connection name
     * @param keys       the missing keys
     * @return the message for required keys that no source sets (Streamlit's words, then the fix)
     */
    static String sqlMissingParams(String connection, java.util.List<String> keys) {
        StringBuilder where = new StringBuilder();
        for (String key : keys) {
            where.append(where.length() == 0 ? "" : ", ").append(key).append(" (").append(SecretsReader.environmentVariable(connection, key))
                    .append(')');
        }
        return "Missing SQL DB connection param" + (keys.size() == 1 ? "" : "s") + ": " + String.join(", ", keys)
                + ". Connection '" + connection + "': set " + (keys.size() == 1 ? "it" : "them") + " in the "
                + SecretsReader.section(connection) + " section of secrets.toml, as environment variables " + where
                + ", or as options in code (@Connection(options = \"" + keys.get(0) + "=...\")); "
                + "or give a url instead.";
    }

    /**
     * @param connection the connection name
     * @return the message for a url that is neither a JDBC nor a SQLAlchemy URL (its text is not
     *         quoted: it may hold a password)
     */
    static String sqlBadUrl(String connection) {
        return "Connection '" + connection + "': the key 'url' is neither a JDBC URL (jdbc:...) nor a SQLAlchemy "
                + "URL (dialect[+driver]://user:password@host:port/database?key=value). Check its form in the "
                + SecretsReader.section(connection) + " section of secrets.toml or " + SecretsReader.environmentVariable(connection, "url")
                + "; a password holding @, : or / must be percent-encoded (@ is %40).";
    }

    /**
     * @param connection the connection name
     * @param dialect    the dialect as written
     * @param key        the key it came from ({@code url} or {@code dialect})
     * @param supported  the dialect names we support
     * @return the message for a dialect we do not know
     */
    static String sqlUnknownDialect(String connection, String dialect, String key, String supported) {
        return "Connection '" + connection + "': the SQL dialect '" + dialect + "' (from the key '" + key
                + "') is not one cdi-connections knows. Use one of " + supported
                + ", or give a JDBC URL (url = \"jdbc:...\") and the driver class (driver = \"com.example.Driver\").";
    }

    /**
     * @param connection  the connection name
     * @param dialect     the dialect
     * @param coordinates the Maven coordinates of the drivers that would do, preferred first
     * @return the message for a JDBC driver missing from the class path
     */
    static String sqlDriverMissing(String connection, String dialect, java.util.List<String> coordinates) {
        return "Connection '" + connection + "': no JDBC driver for the " + dialect + " dialect is on the class path. "
                + "Add the Maven dependency " + String.join(" (or " , coordinates)
                + ")".repeat(coordinates.size() - 1) + " to the application (in a WAR, to WEB-INF/lib).";
    }

    /**
     * @param connection  the connection name
     * @param subprotocol what follows {@code jdbc:} in the URL
     * @param coordinates the Maven coordinates of the driver, when the database is known; or null
     * @return Streamlit's "You may be missing a dependency", for a JDBC URL no driver accepts
     */
    static String sqlNoDriverAcceptsUrl(String connection, String subprotocol, String coordinates) {
        return "Connection '" + connection + "': no JDBC driver on the class path accepts the URL of the key 'url' "
                + "(jdbc:" + subprotocol + ":...). You may be missing a dependency: "
                + (coordinates == null
                        ? "add the JDBC driver jar of your database to the application (WEB-INF/lib) or the server"
                        : "add the Maven dependency " + coordinates + " to the application (in a WAR, to WEB-INF/lib)")
                + ". If the driver is there, check the URL's spelling (jdbc:" + subprotocol + ":...), or name its "
                + "class with driver = \"com.example.Driver\" in the " + SecretsReader.section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param className  the driver class named in {@code driver}
     * @return the message for a driver class that cannot be loaded
     */
    static String sqlDriverClassMissing(String connection, String className) {
        return "Connection '" + connection + "': the JDBC driver class '" + className + "' named by the key 'driver' "
                + "is not on the class path. Add the jar that holds it, or remove 'driver' from the "
                + SecretsReader.section(connection) + " section to use the dialect's default driver.";
    }


    /**
     * @param connection the connection name
     * @return the message for an isolation_level SQLAlchemy or JDBC does not name
     */
    static String sqlBadIsolationLevel(String connection) {
        return "Connection '" + connection + "': create_engine_kwargs.isolation_level must be one of AUTOCOMMIT, "
                + "READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.";
    }

    /**
     * @param connection the connection name
     * @param key        the {@code pool.*} key
     * @return the message for a pool key that is not a HikariCP property or has a value of the wrong kind
     */
    static String sqlBadPoolSetting(String connection, String key) {
        return "Connection '" + connection + "': '" + key + "' is not a HikariCP setting, or its value is not of "
                + "the right kind. Keys under pool are HikariCP property names with numbers in milliseconds, such as "
                + "pool.maximumPoolSize = 10 or pool.connectionTimeout = 5000 in the " + SecretsReader.section(connection)
                + " section (see https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby).";
    }

    /**
     * @param connection the connection name
     * @param problem    HikariCP's own (redacted) complaint
     * @return the message for a pool configuration HikariCP refuses
     */
    static String sqlInvalidPool(String connection, String problem) {
        return "Connection '" + connection + "': HikariCP refused the pool settings: " + problem
                + ". Check create_engine_kwargs and pool.* in the " + SecretsReader.section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param key        the ignored key, such as {@code create_engine_kwargs.echo}
     * @return the warning for a create_engine keyword with no HikariCP equivalent
     */
    static String sqlIgnoredEngineKwarg(String connection, String key) {
        return "Connection '" + connection + "': '" + key + "' has no HikariCP equivalent and is ignored. "
                + "Set HikariCP properties with pool.<property> in the " + SecretsReader.section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param keys       the options given in code that SQLConnection does not understand
     * @return the message naming them and what an option may be
     */
    static String sqlUnknownOptions(String connection, List<String> keys) {
        String quoted = keys.stream().map(k -> "'" + k + "'").collect(java.util.stream.Collectors.joining(", "));
        return "Connection '" + connection + "': the option" + (keys.size() == 1 ? " " : "s ") + quoted
                + (keys.size() == 1 ? " is" : " are") + " neither a parameter of SQLConnection nor a SQLAlchemy "
                + "create_engine keyword. An option given in code is a parameter (url, dialect, driver, username, "
                + "password, host, port, database, query.<name>, query_ttl, autocommit, ...), a create_engine keyword "
                + "(pool_size, max_overflow, pool_recycle, pool_timeout, pool_pre_ping, isolation_level, "
                + "connect_args.<name>, ...), which wins over create_engine_kwargs in secrets, or a HikariCP property "
                + "(pool.<property>). Correct the name or remove the option.";
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
}
