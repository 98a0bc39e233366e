package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.test.LogCapture;

/**
 * Options given in code go where Streamlit sends its keyword arguments: a connection parameter
 * stays one, a {@code create_engine} keyword goes to {@code create_engine_kwargs} and wins over
 * secrets, anything else is an error. Secrets are system properties (ordinal 400), read through
 * MicroProfile Config as a secrets.toml section is.
 */
class SqlEngineOptionsTest {

    /** The section both the Java and the CDI tests read: create_engine_kwargs = { pool_size = 2, max_overflow = 7 }. */
    static final String CDI_NAME = "engine_kwargs_cdi";

    private final java.util.List<String> properties = new java.util.ArrayList<>();

    private void secret(String name, String key, String value) {
        String property = "connections." + name + "." + key;
        System.setProperty(property, value);
        properties.add(property);
    }

    private void poolOfTwoPlusSeven(String name) {
        secret(name, "url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        secret(name, "create_engine_kwargs.pool_size", "2");
        secret(name, "create_engine_kwargs.max_overflow", "7");
    }

    @AfterEach
    void clearSecrets() {
        properties.forEach(System::clearProperty);
    }

    // Streamlit: sql_connection_test.py, test_create_engine_kwargs_secrets_section
    // (SQLConnection("my_sql_connection", baz="qux") over create_engine_kwargs = {foo = "bar", baz = "..."})
    @Test
    void anOptionNamedLikeACreateEngineKeywordWinsOverCreateEngineKwargsInSecrets() {
        String name = uniqueName("engine_kwargs");
        poolOfTwoPlusSeven(name);
        SQLConnection sql = new SQLConnection(ConnectionContext.of(name, Map.of("max_overflow", "1")));
        try {
            sql.query("select 1");
            HikariDataSource pool = sql.raw();
            assertThat(pool.getMinimumIdle()).as("create_engine_kwargs.pool_size from secrets").isEqualTo(2);
            assertThat(pool.getMaximumPoolSize()).as("pool_size 2 + max_overflow 1 from the option").isEqualTo(3);
        } finally {
            sql.close();
        }
        SQLConnection untouched = new SQLConnection(ConnectionContext.of(name, Map.of()));
        try {
            assertThat(untouched.raw().getMaximumPoolSize()).as("secrets alone: 2 + 7").isEqualTo(9);
        } finally {
            untouched.close();
        }
    }

    @Test
    void theBuilderRoutesCreateEngineKeywordsAndTheirTables() {
        String name = uniqueName("engine_kwargs_builder");
        poolOfTwoPlusSeven(name);
        secret(name, "create_engine_kwargs.pool_timeout", "30");
        SQLConnection sql = Connections.builder(name).type("sql").option("max_overflow", "1")
                .option("pool_timeout", "3").option("isolation_level", "SERIALIZABLE")
                .option("connect_args.DB_CLOSE_ON_EXIT", "FALSE").get(SQLConnection.class);
        try {
            HikariDataSource pool = sql.raw();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).as("pool_timeout 3 s from the option").isEqualTo(3_000);
            assertThat(pool.getTransactionIsolation()).isEqualTo("TRANSACTION_SERIALIZABLE");
            assertThat(pool.getDataSourceProperties()).as("connect_args go to the driver")
                    .containsEntry("DB_CLOSE_ON_EXIT", "FALSE");
        } finally {
            sql.reset();
        }
    }

    @Test
    void anOptionThatIsNeitherAParameterNorACreateEngineKeywordIsNamedNotDropped() {
        String name = uniqueName("engine_kwargs_typo");
        poolOfTwoPlusSeven(name);
        SQLConnection sql = new SQLConnection(ConnectionContext.of(name, Map.of("max_overflw", "1",
                "query.charset", "utf8", "pool.maximumPoolSize", "4")));
        try {
            assertThatThrownBy(sql::checkConfiguration).isInstanceOf(ConnectionConfigException.class)
                    .hasMessageStartingWith("Connection '" + name + "': the option 'max_overflw' is neither a "
                            + "parameter of SQLConnection nor a SQLAlchemy create_engine keyword.")
                    .hasMessageEndingWith("Correct the name or remove the option.");
            assertThatThrownBy(() -> sql.query("select 1")).isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("'max_overflw'");
        } finally {
            sql.close();
        }
    }

    @Test
    void aKeyOfSecretsOutsideCreateEngineKwargsIsNotAnOption() {
        String name = uniqueName("engine_kwargs_secrets");
        poolOfTwoPlusSeven(name);
        secret(name, "max_overflow", "1"); // Streamlit ignores it in secrets: only create_engine_kwargs counts
        secret(name, "comment", "shared with a Streamlit app");
        SQLConnection sql = new SQLConnection(ConnectionContext.of(name, Map.of()));
        try {
            assertThat(sql.raw().getMaximumPoolSize()).isEqualTo(9);
        } finally {
            sql.close();
        }
    }

    @Test
    void aCreateEngineKeywordWithoutAHikariEquivalentIsWarnedAboutAsInSecrets() {
        String name = uniqueName("engine_kwargs_echo");
        SQLConnection sql = SqlTestSupport.h2(name, "echo", "true");
        try (LogCapture log = new LogCapture(SQLConnection.class.getName())) {
            sql.query("select 1");
            assertThat(log.messages()).containsExactly("Connection '" + name + "': 'create_engine_kwargs.echo' has "
                    + "no HikariCP equivalent and is ignored. Set HikariCP properties with pool.<property> in the "
                    + "[connections." + name + "] section.");
        } finally {
            sql.close();
        }
    }

    /** The injection point of the CDI test. */
    @Dependent
    public static class Pool {
        @Inject
        @Connection(name = CDI_NAME, options = {"max_overflow=1"})
        SQLConnection sql;
    }

    /** An injection point with a misspelt option. */
    @Dependent
    public static class Misspelt {
        @Inject
        @Connection(name = CDI_NAME, options = {"max_overflw=1"})
        SQLConnection sql;
    }

    @Test
    void anInjectedOptionWinsTooAndAMisspeltOneFailsTheDeployment() {
        poolOfTwoPlusSeven(CDI_NAME);
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(Pool.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            assertThat(c.select(Pool.class).get().sql.raw().getMaximumPoolSize()).isEqualTo(3);
        }
        assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClasses(Misspelt.class)
                .addExtension(new ConnectionExtension()).initialize())
                .hasMessageContaining("the option 'max_overflw' is neither a parameter of SQLConnection");
    }
}
