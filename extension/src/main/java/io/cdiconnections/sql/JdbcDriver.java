package io.cdiconnections.sql;

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
}
