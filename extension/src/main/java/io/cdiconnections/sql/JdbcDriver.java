package io.cdiconnections.sql;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * One JDBC driver a dialect can use: its class, the Maven coordinates that bring it, and the
 * sub-protocol of the URLs it accepts.
 *
 * @param className   the driver class
 * @param coordinates the Maven {@code groupId:artifactId} to add when it is missing
 * @param subprotocol what follows {@code jdbc:} in its URLs
 */
record JdbcDriver(String className, String coordinates, String subprotocol) {

    static final JdbcDriver POSTGRESQL = new JdbcDriver("org.postgresql.Driver", "org.postgresql:postgresql", "postgresql");
    static final JdbcDriver MARIADB = new JdbcDriver("org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client", "mariadb");
    static final JdbcDriver MYSQL = new JdbcDriver("com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j", "mysql");
    static final JdbcDriver MSSQL = new JdbcDriver("com.microsoft.sqlserver.jdbc.SQLServerDriver", "com.microsoft.sqlserver:mssql-jdbc", "sqlserver");
    static final JdbcDriver ORACLE = new JdbcDriver("oracle.jdbc.OracleDriver", "com.oracle.database.jdbc:ojdbc11", "oracle");
    static final JdbcDriver SQLITE = new JdbcDriver("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", "sqlite");
    static final JdbcDriver H2 = new JdbcDriver("org.h2.Driver", "com.h2database:h2", "h2");
    static final JdbcDriver DUCKDB = new JdbcDriver("org.duckdb.DuckDBDriver", "org.duckdb:duckdb_jdbc", "duckdb");
    static final JdbcDriver SNOWFLAKE = new JdbcDriver("net.snowflake.client.jdbc.SnowflakeDriver", "net.snowflake:snowflake-jdbc", "snowflake");

    /**
     * @param className a class name
     * @return whether the class can be loaded by the thread's context class loader or ours
     */
    static boolean onClassPath(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ClassLoader l : new ClassLoader[] {loader, JdbcDriver.class.getClassLoader()}) {
            try {
                Class.forName(className, false, l);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next
            }
        }
        return false;
    }

    /**
     * Where the drivers of databases we have no dialect for come from, for the message when none
     * is on the class path: sub-protocol to Maven {@code groupId:artifactId}.
     */
    static final Map<String, String> OTHER_COORDINATES = Map.of(
            "db2", "com.ibm.db2:jcc",
            "hsqldb", "org.hsqldb:hsqldb",
            "clickhouse", "com.clickhouse:clickhouse-jdbc",
            "trino", "io.trino:trino-jdbc",
            "redshift", "com.amazon.redshift:redshift-jdbc42",
            "firebirdsql", "org.firebirdsql.jdbc:jaybird",
            "sap", "com.sap.cloud.db.jdbc:ngdbc",
            "databricks", "com.databricks:databricks-jdbc");

    /**
     * Finds a driver for a JDBC URL of a sub-protocol no dialect of ours knows, as HikariCP will
     * when it is given no driver class: {@link DriverManager} first, then the drivers the
     * application's class loader declares ({@code META-INF/services/java.sql.Driver}), which
     * {@code DriverManager} does not see when it was initialised by another class loader.
     *
     * @param url a JDBC URL
     * @return the class of the driver to name to HikariCP; an empty string when
     *         {@code DriverManager} has one; empty when no driver accepts the URL
     */
    static Optional<String> accepting(String url) {
        try {
            DriverManager.getDriver(url);
            return Optional.of("");
        } catch (SQLException e) {
            // not registered with DriverManager: look in the application's class loader
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return Optional.empty();
                }
                Driver d = drivers.next();
                if (d.acceptsURL(url)) {
                    return Optional.of(d.getClass().getName());
                }
            } catch (ServiceConfigurationError | SQLException | RuntimeException | LinkageError e) {
                // a broken or unloadable driver accepts nothing; the others may
            }
        }
    }
}
