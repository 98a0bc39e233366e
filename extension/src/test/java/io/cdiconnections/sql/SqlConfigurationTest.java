package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.options;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.LogCapture;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** Required keys, dialects, drivers and pool settings: each message, and what reaches HikariCP. */
class SqlConfigurationTest {

    private static ConnectionParameters params(String... kv) {
        return ConnectionParameters.of("db", options(kv));
    }

    private static JdbcTarget target(String... kv) {
        return JdbcTarget.resolve(params(kv), JdbcDriver::onClassPath);
    }

    @Test
    void anEmptySectionIsStreamlitsMissingConfiguration() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("type", "sql")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Missing SQL DB connection configuration for connection 'db'. Did you forget to set this in "
                        + "secrets.toml, as environment variables, or as options in code? Write a [connections.db] section "
                        + "with url = \"postgresql://user:password@host:5432/db\" (or dialect, host, username, password, "
                        + "database), set CONNECTIONS_DB_URL, or give @Connection(options = \"url=...\").");
    }

    @Test
    void missingPartsAreNamedWithWhereToSetThem() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("dialect", "postgresql", "username", "u")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Missing SQL DB connection param: host. Connection 'db': set it in the [connections.db] "
                        + "section of secrets.toml, as environment variables host (CONNECTIONS_DB_HOST), or as options "
                        + "in code (@Connection(options = \"host=...\")); or give a url instead.");
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("password", "pw")))
                .hasMessage("Missing SQL DB connection params: dialect, host, username. Connection 'db': set them in the "
                        + "[connections.db] section of secrets.toml, as environment variables dialect (CONNECTIONS_DB_DIALECT), "
                        + "host (CONNECTIONS_DB_HOST), username (CONNECTIONS_DB_USERNAME), or as options in code "
                        + "(@Connection(options = \"dialect=...\")); or give a url instead.");
    }

    @Test
    void fileDialectsNeedNoHostOrUser() {
        assertThatCode(() -> SQLConnection.validateParameters(params("dialect", "h2", "database", "mem:x")))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownDialectListsTheKnownOnes() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "cockroachdb://u:pw@h/db")))
                .hasMessage("Connection 'db': the SQL dialect 'cockroachdb' (from the key 'url') is not one cdi-connections "
                        + "knows. Use one of postgresql/postgres, mysql, mariadb, mssql/sqlserver, oracle, sqlite, h2, duckdb, "
                        + "snowflake, or give a JDBC URL (url = \"jdbc:...\") and the driver class "
                        + "(driver = \"com.example.Driver\").");
    }

    @Test
    void aMalformedUrlIsNamedWithoutQuotingIt() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "postgresql://u:secret@h:port/db")))
                .hasMessage("Connection 'db': the key 'url' is neither a JDBC URL (jdbc:...) nor a SQLAlchemy URL "
                        + "(dialect[+driver]://user:password@host:port/database?key=value). Check its form in the "
                        + "[connections.db] section of secrets.toml or CONNECTIONS_DB_URL; a password holding @, : or / "
                        + "must be percent-encoded (@ is %40).");
    }

    @Test
    void aMissingDriverNamesTheDialectAndTheMavenCoordinates() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "mssql+pyodbc://sa:pw@h/db")))
                .hasMessage("Connection 'db': no JDBC driver for the mssql dialect is on the class path. Add the Maven "
                        + "dependency com.microsoft.sqlserver:mssql-jdbc to the application (in a WAR, to WEB-INF/lib).");
        assertThatThrownBy(() -> JdbcTarget.resolve(params("url", "mysql://u:pw@h/db"), cls -> false))
                .hasMessage("Connection 'db': no JDBC driver for the mysql dialect is on the class path. Add the Maven "
                        + "dependency com.mysql:mysql-connector-j (or org.mariadb.jdbc:mariadb-java-client) to the "
                        + "application (in a WAR, to WEB-INF/lib).");
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "jdbc:sqlite:pets.db")))
                .hasMessageContaining("no JDBC driver for the sqlite dialect").hasMessageContaining("org.xerial:sqlite-jdbc");
    }

    @Test
    void aMissingDriverIsAlsoTheErrorOfTheFirstQuery() {
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("mssql"),
                options("url", "mssql://sa:pw@localhost/master")));
        assertThatThrownBy(() -> sql.query("select 1"))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("com.microsoft.sqlserver:mssql-jdbc");
    }

    // Streamlit: connection_factory_test.py, test_generic_missing_dependency_error
    @Test
    void aJdbcUrlNoDriverAcceptsSaysADependencyIsMissingNotThatTheDatabaseIsDown() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "jdbc:sqlserverx://h/db")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connection 'db': no JDBC driver on the class path accepts the URL of the key 'url' "
                        + "(jdbc:sqlserverx:...). You may be missing a dependency: add the JDBC driver jar of your "
                        + "database to the application (WEB-INF/lib) or the server. If the driver is there, check the "
                        + "URL's spelling (jdbc:sqlserverx:...), or name its class with driver = \"com.example.Driver\" "
                        + "in the [connections.db] section.");
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("nodriver"),
                options("url", "jdbc:foo://u:secret@h/db")));
        try {
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("no JDBC driver on the class path accepts the URL of the key 'url' (jdbc:foo:")
                    .hasMessageNotContaining("secret");
        } finally {
            sql.close();
        }
    }

    // Streamlit: connection_factory_test.py, test_friendly_error_with_certain_missing_dependencies
    @Test
    void aJdbcUrlOfAKnownDatabaseWithoutItsDriverNamesTheMavenCoordinates() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "jdbc:db2://h:50000/db")))
                .hasMessageContaining("You may be missing a dependency: add the Maven dependency com.ibm.db2:jcc to "
                        + "the application (in a WAR, to WEB-INF/lib).");
    }

    /** A driver for a sub-protocol no dialect of ours knows: {@code jdbc:h2alias:} is H2. */
    public static final class H2AliasDriver implements java.sql.Driver {
        private final org.h2.Driver h2 = new org.h2.Driver();

        @Override
        public java.sql.Connection connect(String url, java.util.Properties info) throws java.sql.SQLException {
            return acceptsURL(url) ? h2.connect("jdbc:h2:" + url.substring("jdbc:h2alias:".length()), info) : null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:h2alias:");
        }

        @Override
        public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
            return new java.sql.DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }
    }

    @Test
    void aJdbcUrlOfAnotherSubprotocolThatARegisteredDriverAcceptsIsLeftToThatDriver() throws Exception {
        H2AliasDriver driver = new H2AliasDriver();
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "jdbc:h2alias:mem:x")))
                .hasMessageContaining("no JDBC driver on the class path accepts");
        java.sql.DriverManager.registerDriver(driver);
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("alias"),
                options("url", "jdbc:h2alias:mem:alias")));
        try {
            assertThat(target("url", "jdbc:h2alias:mem:x").driver()).as("left to DriverManager").isNull();
            assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
        } finally {
            sql.close();
            java.sql.DriverManager.deregisterDriver(driver);
        }
    }

    @Test
    void aDriverClassNotOnTheClassPathIsNamed() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("dialect", "postgresql", "host", "h",
                "username", "u", "driver", "com.example.NoSuchDriver")))
                .hasMessage("Connection 'db': the JDBC driver class 'com.example.NoSuchDriver' named by the key 'driver' is "
                        + "not on the class path. Add the jar that holds it, or remove 'driver' from the [connections.db] "
                        + "section to use the dialect's default driver.");
    }

    @Test
    void aDriverClassThatIsNoDriverIsAConfigurationError() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "jdbc:h2:mem:x",
                "driver", "java.lang.String")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageStartingWith("Connection 'db': HikariCP refused the pool settings: ")
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "h2:///mem:x", "pool.maximumPoolSise", "5")))
                .hasMessage("Connection 'db': 'pool.maximumPoolSise' is not a HikariCP setting, or its value is not of the "
                        + "right kind. Keys under pool are HikariCP property names with numbers in milliseconds, such as "
                        + "pool.maximumPoolSize = 10 or pool.connectionTimeout = 5000 in the [connections.db] section "
                        + "(see https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby).");
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "h2:///mem:x",
                "create_engine_kwargs.isolation_level", "SOMETIMES")))
                .hasMessage("Connection 'db': create_engine_kwargs.isolation_level must be one of AUTOCOMMIT, READ "
                        + "UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.");
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("url", "h2:///mem:x", "query_ttl", "soon")))
                .hasMessageContaining("the key 'query_ttl' must be a duration");
        assertThatThrownBy(() -> SQLConnection.validateParameters(params("dialect", "postgresql", "host", "h",
                "username", "u", "port", "five")))
                .hasMessageContaining("the key 'port' must be a whole number");
    }

    @Test
    void serverDefaultsBoundTheWaitAndNameThePool() {
        HikariConfig c = PoolSettings.configure("orders", target("url", "postgresql://u:pw@h/db"), params("url", "x"), k -> { });

        assertThat(c.getConnectionTimeout()).isEqualTo(5_000);
        assertThat(c.getPoolName()).isEqualTo("cdi-connections-orders");
        assertThat(c.getDataSourceProperties()).containsEntry("connectTimeout", "5")
                .containsEntry("ApplicationName", "cdi-connections-orders");
        assertThat(c.getJdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(c.getUsername()).isEqualTo("u");
        assertThat(c.getPassword()).isEqualTo("pw");
    }

    @Test
    void createEngineKwargsMapToHikariAndPoolKeysWin() {
        java.util.List<String> ignored = new java.util.ArrayList<>();
        ConnectionParameters p = params("url", "mysql://u:pw@h/db",
                "create_engine_kwargs.pool_size", "4", "create_engine_kwargs.max_overflow", "2",
                "create_engine_kwargs.pool_recycle", "1800", "create_engine_kwargs.pool_timeout", "12",
                "create_engine_kwargs.pool_pre_ping", "true", "create_engine_kwargs.echo", "true",
                "create_engine_kwargs.connect_args.connect_timeout", "7",
                "create_engine_kwargs.isolation_level", "READ COMMITTED", "autocommit", "false",
                "pool.maxLifetime", "600000", "pool.dataSource.useCompression", "true");
        HikariConfig c = PoolSettings.configure("db", JdbcTarget.resolve(p, cls -> cls.contains("mariadb")), p, ignored::add);

        assertThat(c.getMinimumIdle()).isEqualTo(4);
        assertThat(c.getMaximumPoolSize()).isEqualTo(6);
        assertThat(c.getMaxLifetime()).isEqualTo(600_000); // pool.* wins over pool_recycle
        assertThat(c.getConnectionTimeout()).isEqualTo(12_000);
        assertThat(c.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(c.isAutoCommit()).isFalse();
        assertThat(c.getDataSourceProperties()).containsEntry("connectTimeout", "7000").containsEntry("useCompression", "true");
        assertThat(ignored).containsExactly("create_engine_kwargs.echo");
    }

    @Test
    void poolSizeAloneGetsSqlAlchemysOverflow() {
        ConnectionParameters p = params("url", "h2:///mem:x", "create_engine_kwargs.pool_size", "5");
        HikariConfig c = PoolSettings.configure("db", JdbcTarget.resolve(p, cls -> true), p, k -> { });

        assertThat(c.getMinimumIdle()).isEqualTo(5);
        assertThat(c.getMaximumPoolSize()).isEqualTo(15);
    }

    @Test
    void anUnmappedEngineKeywordIsWarnedAboutOnceNamingTheKey() {
        String name = uniqueName("warn");
        SQLConnection sql = SqlTestSupport.h2(name, "create_engine_kwargs.echo", "true");
        try (LogCapture log = new LogCapture(SQLConnection.class.getName())) {
            sql.query("select 1");
            sql.reset();
            sql.query("select 1");

            assertThat(log.messages()).containsExactly("Connection '" + name + "': 'create_engine_kwargs.echo' has no "
                    + "HikariCP equivalent and is ignored. Set HikariCP properties with pool.<property> in the [connections."
                    + name + "] section.");
        } finally {
            sql.close();
        }
    }

    @Test
    void aPoolHikariRefusesIsAConfigurationError() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("refused"), "pool.registerMbeans", "true",
                "pool.poolName", "with:colon");
        try {
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageStartingWith("Connection '" + sql.name() + "': HikariCP refused the pool settings: "
                            + "IllegalArgumentException: poolName cannot contain ':'")
                    .hasMessageEndingWith(". Check create_engine_kwargs and pool.* in the [connections." + sql.name()
                            + "] section.");
        } finally {
            sql.close();
        }
    }

    @Test
    void everyKeyTheConfigurationDocsListCanComeFromAnEnvironmentVariableAlone() throws Exception {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("doc_keys"));
        try {
            assertThat(sql.knownKeys()).containsAll(io.cdiconnections.test.DocumentedKeys.of("### `sql`"));
        } finally {
            sql.close();
        }
    }

    @Test
    void knownKeysCoverEveryKeyAnEnvironmentVariableAloneMaySupply() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("keys"));
        assertThat(sql.knownKeys()).contains("url", "dialect", "driver", "username", "password", "host", "port",
                "database", "query_ttl", "autocommit");
        assertThat(sql.raw()).isInstanceOf(HikariDataSource.class);
        sql.close();
    }

    @Test
    void optionsInCodeOverrideSecrets() {
        String name = uniqueName("sysprop");
        System.setProperty("connections." + name + ".url", "jdbc:h2:mem:wrong");
        System.setProperty("connections." + name + ".query_ttl", "60");
        try {
            SQLConnection sql = new SQLConnection(ConnectionContext.of(name,
                    Map.of("url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")));
            sql.update("create table marker (id int)");
            assertThat(sql.query("select count(*) from marker").as(Long.class)).containsExactly(0L);
            assertThat(sql.raw().getJdbcUrl()).isEqualTo("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            sql.query("select 1");
            assertThat(sql.caches().local().size()).as("query_ttl from a system property").isEqualTo(2);
            sql.close();
        } finally {
            System.clearProperty("connections." + name + ".url");
            System.clearProperty("connections." + name + ".query_ttl");
        }
    }
}
