package io.cdiconnections.sql;

import java.util.List;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of a SQL connection's configuration: its section's keys, URL and dialect, driver,
 * pool settings and engine options. Each names the connection and the key and says what to
 * write; none contains a secret value.
 */
final class SqlConfigMessages {

    private SqlConfigMessages() {
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
     * @return the message for a JDBC URL whose user info holds more than one {@code @} (its text is
     *         not quoted: it holds a password)
     */
    static String sqlJdbcUrlTwoAts(String connection) {
        return "Connection '" + connection + "': the key 'url' in the " + SecretsReader.section(connection)
                + " section of secrets.toml (or " + SecretsReader.environmentVariable(connection, "url")
                + ") has a user:password@ part followed by another @ before the host; a password holding @ must be "
                + "percent-encoded (@ is %40), or given in the key 'password' instead.";
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
}
