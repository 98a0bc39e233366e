package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.test.SecretsExamples;

/**
 * Each secrets.toml of Streamlit's tutorials that names PostgreSQL or MySQL works unchanged against
 * the local servers: the file is read by the real secrets source (through {@code secrets.files}
 * and SmallRye Config's ServiceLoader discovery), and only system properties point host, port,
 * database, user and password at this machine. MySQL examples run on MariaDB.
 */
class SqlSecretsExamplesTest {

    private static final String MDB_USER = "cdi_sql_example";
    private static final String MDB_PASSWORD = "cdi-sql-example-pw";

    @BeforeAll
    static void createMariaDbUser() throws Exception {
        try (Connection root = DriverManager.getConnection(SqlTestSupport.MARIADB_URL, "root", "");
             Statement st = root.createStatement()) {
            for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
                st.execute("create user if not exists '" + MDB_USER + "'@'" + host + "' identified by '" + MDB_PASSWORD + "'");
                st.execute("grant all on test.* to '" + MDB_USER + "'@'" + host + "'");
            }
        }
    }

    @ParameterizedTest(name = "{0} [connections.{1}]")
    @CsvSource({
        "postgresql.toml,         postgresql, pg",
        "neon.toml,               neon,       pg",
        "mysql.toml,              mysql,      mariadb",
        "tidb.toml,               tidb,       mariadb",
        "connecting-to-data.toml, local,      mariadb",
        "connecting-to-data.toml, staging,    mariadb",
    })
    void theExampleWorksWithOnlySystemPropertyOverrides(String file, String name, String server) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("host", "127.0.0.1");
        overrides.put("database", "test");
        if (server.equals("pg")) {
            overrides.put("port", "5432");
            overrides.put("username", "postgres");
            overrides.put("password", "trust-auth-ignores-it");
            overrides.put("query.sslmode", "disable"); // neon requires TLS; the local server has none
        } else {
            overrides.put("port", "3306");
            overrides.put("username", MDB_USER);
            overrides.put("password", MDB_PASSWORD);
            overrides.put("pool.dataSource.sslMode", "disable"); // tidb verifies a CA; the local server has no TLS
        }
        try (ExampleConfig ex = ExampleConfig.load(file, name, overrides)) {
            SQLConnection sql = new SQLConnection(ex.context(name));
            try {
                String current = server.equals("pg") ? "current_database()" : "database()";
                assertThat(sql.query("select " + current + " as db, :n as n", Map.of("n", 1)).row(0).get("db"))
                        .isEqualTo("test");
                assertThat(sql.secrets().get("host")).contains("127.0.0.1");
            } finally {
                sql.close();
            }
        }
    }

    @ParameterizedTest
    @CsvSource("connecting-to-data.toml, pets_db")
    void theSqliteExampleAsksForItsDriver(String file, String name) throws Exception {
        try (ExampleConfig ex = ExampleConfig.load(file, name, Map.of())) {
            SQLConnection sql = new SQLConnection(ex.context(name));
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("no JDBC driver for the sqlite dialect")
                    .hasMessageContaining("org.xerial:sqlite-jdbc");
        }
    }

    /** A fresh SmallRye Config over one example file, with system property overrides set while it lives. */
    private record ExampleConfig(Config config, Map<String, String> properties) implements AutoCloseable {

        static ExampleConfig load(String file, String name, Map<String, String> overrides) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("secrets.files", SecretsExamples.file(file).toString());
            overrides.forEach((k, v) -> props.put("connections." + name + "." + k, v));
            props.forEach(System::setProperty);
            Config config = ConfigProviderResolver.instance().getBuilder()
                    .addDefaultSources().addDiscoveredSources().build();
            ExampleConfig ex = new ExampleConfig(config, props);
            boolean fileRead = config.getPropertyNames().iterator().hasNext()
                    && java.util.stream.StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                    .anyMatch(k -> k.startsWith("connections." + name + ".") && !props.containsKey(k));
            if (!fileRead) {
                ex.close();
                throw new AssertionError("no key of connections." + name + " was read from " + file
                        + ": is the secrets.toml config source on the class path?");
            }
            return ex;
        }

        ConnectionContext context(String name) {
            return new ConnectionContext(name, Map.of(), null, io.cdiconnections.Connection.UNBOUNDED, config,
                    ConnectionLifecycle.NONE);
        }

        @Override
        public void close() {
            properties.keySet().forEach(System::clearProperty);
            for (ConfigSource source : config.getConfigSources()) {
                if (source instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // a watcher that fails to stop does not fail the test
                    }
                }
            }
        }
    }
}
