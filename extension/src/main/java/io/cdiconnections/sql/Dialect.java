package io.cdiconnections.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL dialects a SQLAlchemy URL or the {@code dialect} key may name, with the JDBC drivers
 * each can use (in order of preference) and how its JDBC URL is written. The parameters a Python
 * driver takes under another name are renamed here to the JDBC driver's.
 */
enum Dialect {

    POSTGRESQL(false, List.of(JdbcDriver.POSTGRESQL), "postgresql", "postgres") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            return "jdbc:postgresql://" + hostPort(u.host() == null ? "localhost" : u.host(), u.port())
                    + "/" + nullToEmpty(u.database());
        }

        @Override
        void translate(JdbcDriver driver, Map<String, String> props) {
            rename(props, "connect_timeout", "connectTimeout");
            rename(props, "application_name", "ApplicationName");
        }
    },
    MYSQL(false, List.of(JdbcDriver.MYSQL, JdbcDriver.MARIADB), "mysql") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            return mysqlFamilyUrl(driver, u);
        }

        @Override
        void translate(JdbcDriver driver, Map<String, String> props) {
            mysqlFamilyProperties(driver, props);
        }
    },
    MARIADB(false, List.of(JdbcDriver.MARIADB, JdbcDriver.MYSQL), "mariadb") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            return mysqlFamilyUrl(driver, u);
        }

        @Override
        void translate(JdbcDriver driver, Map<String, String> props) {
            mysqlFamilyProperties(driver, props);
        }
    },
    MSSQL(false, List.of(JdbcDriver.MSSQL), "mssql", "sqlserver") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            String host = u.host() == null ? "localhost" : u.host();
            return "jdbc:sqlserver://" + hostPort(host, u.port())
                    + (u.database() == null ? "" : ";databaseName=" + u.database());
        }

        @Override
        void translate(JdbcDriver driver, Map<String, String> props) {
            props.remove("driver"); // the ODBC driver's name, meaningless to JDBC
            rename(props, "TrustServerCertificate", "trustServerCertificate");
            rename(props, "Encrypt", "encrypt");
            props.replaceAll((k, v) -> v.equalsIgnoreCase("yes") ? "true" : v.equalsIgnoreCase("no") ? "false" : v);
        }
    },
    ORACLE(false, List.of(JdbcDriver.ORACLE), "oracle") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            String service = props.remove("service_name");
            int port = u.port() == null ? 1521 : u.port();
            if (service != null) {
                return "jdbc:oracle:thin:@//" + hostPort(u.host(), port) + "/" + service;
            }
            if (u.database() == null) { // a TNS alias
                return "jdbc:oracle:thin:@" + u.host();
            }
            return "jdbc:oracle:thin:@" + hostPort(u.host(), port) + ":" + u.database(); // SID, as SQLAlchemy reads it
        }
    },
    SQLITE(true, List.of(JdbcDriver.SQLITE), "sqlite") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            String db = u.database();
            return "jdbc:sqlite:" + (db == null || db.equals(":memory:") ? ":memory:" : db);
        }
    },
    H2(true, List.of(JdbcDriver.H2), "h2") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            String db = nullToEmpty(u.database());
            if (u.host() != null) {
                return "jdbc:h2:tcp://" + hostPort(u.host(), u.port()) + "/" + db;
            }
            if (db.isEmpty()) {
                return "jdbc:h2:mem:";
            }
            // H2 refuses a path implicitly relative to the working directory; SQLAlchemy's
            // three slashes mean exactly that, so say it explicitly
            boolean explicit = db.startsWith("/") || db.startsWith("~") || db.startsWith(".")
                    || db.matches("^[A-Za-z][A-Za-z0-9]*:.*");
            return "jdbc:h2:" + (explicit ? db : "./" + db);
        }
    },
    DUCKDB(true, List.of(JdbcDriver.DUCKDB), "duckdb") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            String db = u.database();
            return "jdbc:duckdb:" + (db == null || db.equals(":memory:") ? "" : db);
        }
    },
    SNOWFLAKE(false, List.of(JdbcDriver.SNOWFLAKE), "snowflake") {
        @Override
        String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props) {
            // snowflake-sqlalchemy: snowflake://user:pass@account/database/schema?warehouse=w&role=r
            if (u.database() != null) {
                String[] dbSchema = u.database().split("/", 2);
                if (!dbSchema[0].isEmpty()) {
                    props.putIfAbsent("db", dbSchema[0]);
                }
                if (dbSchema.length > 1 && !dbSchema[1].isEmpty()) {
                    props.putIfAbsent("schema", dbSchema[1]);
                }
            }
            rename(props, "database", "db");
            String account = nullToEmpty(u.host());
            String host = account.contains(".snowflakecomputing.") ? account : account + ".snowflakecomputing.com";
            return "jdbc:snowflake://" + hostPort(host, u.port()) + "/";
        }
    };

    private final boolean fileBased;
    private final List<JdbcDriver> drivers;
    private final List<String> names;

    Dialect(boolean fileBased, List<JdbcDriver> drivers, String... names) {
        this.fileBased = fileBased;
        this.drivers = drivers;
        this.names = List.of(names);
    }

    /**
     * @param driver the driver chosen
     * @param u      the URL parts, with the keys given separately laid over them
     * @param props  the driver properties; a dialect may take some of them into the URL
     * @return the JDBC URL, never with a user name or password in it
     */
    abstract String jdbcUrl(JdbcDriver driver, SqlUrl u, Map<String, String> props);

    /**
     * Renames the parameters a Python driver takes ({@code query} and {@code connect_args}) to
     * what the JDBC driver calls them.
     *
     * @param driver the driver chosen
     * @param props  the properties, changed in place
     */
    void translate(JdbcDriver driver, Map<String, String> props) {
    }

    /**
     * Quotes an identifier so that the database reads it exactly as given, whatever it holds:
     * backticks for MySQL and MariaDB, brackets for SQL Server, SQL's double quotes for the rest
     * (and for a dialect we do not know), the quote character doubled inside.
     *
     * @param dialect    the dialect, or null when unknown
     * @param identifier one name, without NUL characters
     * @return the quoted name
     */
    static String quote(Dialect dialect, String identifier) {
        if (dialect == MYSQL || dialect == MARIADB) {
            return "`" + identifier.replace("`", "``") + "`";
        }
        if (dialect == MSSQL) {
            return "[" + identifier.replace("]", "]]") + "]";
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** @return whether it needs only a database (a file or memory), no host or user */
    boolean fileBased() {
        return fileBased;
    }

    /** @return the drivers it can use, preferred first */
    List<JdbcDriver> drivers() {
        return drivers;
    }

    /** @return the name users write */
    String displayName() {
        return names.get(0);
    }

    /**
     * @param name a dialect name as written in a URL or the {@code dialect} key, any case
     * @return the dialect
     */
    static Optional<Dialect> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.names.contains(n)).findFirst();
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect its sub-protocol belongs to, if known
     */
    static Optional<Dialect> ofJdbcUrl(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:".length()).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> rest.startsWith(d.drivers.get(0).subprotocol() + ":")).findFirst();
    }

    /** @return the names users may write, for messages */
    static String supportedNames() {
        return Arrays.stream(values()).map(d -> String.join("/", d.names)).collect(Collectors.joining(", "));
    }

    private static String mysqlFamilyUrl(JdbcDriver driver, SqlUrl u) {
        return "jdbc:" + driver.subprotocol() + "://" + hostPort(u.host() == null ? "localhost" : u.host(), u.port())
                + "/" + nullToEmpty(u.database());
    }

    private static void mysqlFamilyProperties(JdbcDriver driver, Map<String, String> props) {
        boolean mariadb = driver.equals(JdbcDriver.MARIADB);
        String charset = props.remove("charset");
        if (charset != null && !mariadb) {
            props.putIfAbsent("characterEncoding", charset);
        } // MariaDB Connector/J always speaks utf8mb4 and has no such setting
        String timeout = props.remove("connect_timeout");
        if (timeout != null) {
            props.putIfAbsent("connectTimeout", secondsToMillis(timeout));
        }
        String ca = props.containsKey("ssl.ca") ? props.remove("ssl.ca") : props.remove("ssl_ca");
        if (ca != null && !ca.isEmpty()) {
            if (mariadb) {
                props.putIfAbsent("sslMode", "verify-ca");
                props.putIfAbsent("serverSslCert", ca);
            } else {
                props.putIfAbsent("sslMode", "VERIFY_CA");
                props.putIfAbsent("trustCertificateKeyStoreUrl", ca.contains(":") ? ca : "file:" + ca);
            }
        }
        String socket = props.remove("unix_socket");
        if (socket != null && mariadb) {
            props.putIfAbsent("localSocket", socket);
        }
    }

    private static String secondsToMillis(String seconds) {
        try {
            return Long.toString(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    static String hostPort(String host, Integer port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }

    private static void rename(Map<String, String> props, String from, String to) {
        String v = props.remove(from);
        if (v != null) {
            props.putIfAbsent(to, v);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
