package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionUnavailableException;

/**
 * The deprecated Snowpark type: SnowSQL's ~/.snowsql/config read by Streamlit's rules, then
 * secrets, then options; account required; the map handed to Session.builder().configs(...).
 */
@SuppressWarnings("deprecation")
class SnowparkConfigTest {

    @TempDir
    Path home;

    // ------------------------------------------------------------------ the ~/.snowsql/config parser

    @Test
    void streamlitsRulesTurnSnowsqlNamesIntoConnectorNames() throws Exception {
        snowsql("""
                [connections]
                accountname = "myorg-acct"
                username = me
                password = "pw"
                dbname = SALES
                schemaname = PUBLIC
                warehousename = COMPUTE_WH
                rolename = ANALYST
                """);
        assertThat(SnowsqlConfig.load("snowpark", env())).isEqualTo(Map.of("account", "myorg-acct", "user", "me",
                "password", "pw", "database", "SALES", "schema", "PUBLIC", "warehouse", "COMPUTE_WH", "role", "ANALYST"));
    }

    @Test
    void theNamedSectionIsPreferredOverConnections() throws Exception {
        snowsql("""
                [connections]
                accountname = plain
                [connections.reports]
                accountname = named
                """);
        assertThat(SnowsqlConfig.load("reports", env())).containsEntry("account", "named").hasSize(1);
        assertThat(SnowsqlConfig.load("other", env())).containsEntry("account", "plain").hasSize(1);
    }

    @Test
    void configparserSyntaxIsUnderstood() throws Exception {
        snowsql("""
                # a comment
                ; another comment
                [DEFAULT]
                rolename = FROM_DEFAULT

                [options]
                log_level = DEBUG

                [connections]
                AccountName: acct   # inline comment
                password = p#ss%%word
                warehousename = %(accountname)s_WH
                dbname = "quoted"
                query_tag = first
                    second
                """);
        assertThat(SnowsqlConfig.load("snowpark", env())).isEqualTo(Map.of("account", "acct", "password", "p#ss%word",
                "warehouse", "acct_WH", "database", "quoted", "role", "FROM_DEFAULT", "query_tag", "first\nsecond"));
    }

    @Test
    void noFileOrNoConnectionsSectionGivesNothing() throws Exception {
        assertThat(SnowsqlConfig.load("snowpark", env())).isEmpty();
        snowsql("[options]\nlog_level = DEBUG\n");
        assertThat(SnowsqlConfig.load("snowpark", env())).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingTheLineButNotTheValue() throws Exception {
        snowsql("[connections]\npassword = first-hidden-value\npassword = second-hidden-value\n");
        assertThatThrownBy(() -> SnowsqlConfig.load("snowpark", env()))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining(home.resolve(".snowsql/config").toString())
                .hasMessageContaining("'password' appears twice in one section (line 3)")
                .hasMessageNotContaining("hidden-value");
    }

    @Test
    void aLineThatIsNoPairIsAnError() throws Exception {
        snowsql("[connections]\nhunter2\n");
        assertThatThrownBy(() -> SnowsqlConfig.load("snowpark", env()))
                .hasMessageContaining("line 2 is neither")
                .hasMessageNotContaining("hunter2");
    }

    // ------------------------------------------------------------------ SnowparkConnection

    @Test
    void optionsWinOverSecretsWhichWinOverSnowsql() throws Exception {
        snowsql("[connections]\naccountname = snowsql-acct\nusername = snowsql-user\npassword = snowsql-pw\n"
                + "warehousename = SNOWSQL_WH\n");
        SnowparkConnection sp = snowpark(Map.of("user", "secret-user", "warehouse", "SECRET_WH"),
                Map.of("warehouse", "OPTION_WH"), null);
        Map<String, String> configs = sp.sessionConfigs(sp.parameters());
        assertThat(configs).containsEntry("URL", "https://snowsql-acct.snowflakecomputing.com:443")
                .containsEntry("account", "snowsql-acct").containsEntry("user", "secret-user")
                .containsEntry("password", "snowsql-pw").containsEntry("warehouse", "OPTION_WH")
                .containsEntry("JDBC_QUERY_RESULT_FORMAT", "JSON");
    }

    @Test
    void accountIsRequired() {
        SnowparkConnection sp = snowpark(Map.of("user", "u", "password", "p"), Map.of(), null);
        assertThatThrownBy(() -> sp.sessionConfigs(sp.parameters()))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageStartingWith("Missing Snowpark connection param: account.")
                .hasMessageContaining("CONNECTIONS_SNOWPARK_ACCOUNT");
    }

    @Test
    void nothingConfiguredIsStreamlitsError() {
        SnowparkConnection sp = snowpark(Map.of(), Map.of(), null);
        assertThatThrownBy(sp::raw)
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageStartingWith("Missing Snowpark connection configuration for connection 'snowpark'")
                .hasMessageContaining(home.resolve(".snowsql/config").toString());
    }

    @Test
    void theSessionIsMadeFromTheConfigsMapAndItsFailureNeverShowsThePassword() {
        AtomicReference<Map<String, String>> handed = new AtomicReference<>();
        SnowparkConnection sp = snowpark(Map.of("account", "acct", "user", "u", "password", "pa55-w0rd"), Map.of(),
                (name, configs) -> {
                    handed.set(configs);
                    throw new IllegalStateException("login refused for password pa55-w0rd");
                });
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(sp::raw);
        assertThat(handed.get()).containsEntry("URL", "https://acct.snowflakecomputing.com:443")
                .containsEntry("password", "pa55-w0rd");
        assertThat(thrown).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("the Snowpark session could not be created")
                .hasMessageNotContaining("pa55-w0rd");
        java.io.StringWriter trace = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("pa55-w0rd");
    }

    @Test
    void theDeprecationWarningIsLoggedOnce() {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(SnowparkConnection.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            SnowparkConnection.resetDeprecationWarning();
            for (int i = 0; i < 3; i++) {
                SnowparkConnection sp = snowpark(Map.of("account", "acct"), Map.of(), (name, configs) -> new Object());
                sp.raw();
                sp.reset();
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records).filteredOn(r -> r.getMessage().contains("deprecated")).hasSize(1);
        assertThat(records.get(0).getMessage()).contains("Use SnowflakeConnection");
    }

    // ------------------------------------------------------------------ helpers

    private SnowflakeEnvironment env() {
        return SnowflakeTestSupport.env(home, Map.of());
    }

    private void snowsql(String text) throws Exception {
        SnowflakeTestSupport.write(home.resolve(".snowsql/config"), text);
    }

    private SnowparkConnection snowpark(Map<String, String> secrets, Map<String, String> options,
                                        SnowparkConnection.SessionFactory factory) {
        Map<String, String> props = new HashMap<>();
        secrets.forEach((k, v) -> props.put("connections.snowpark." + k, v));
        return new SnowparkConnection(SnowflakeTestSupport.context("snowpark", SnowflakeTestSupport.config(props),
                options), env(), factory == null ? (n, c) -> {
                    throw new AssertionError("no session expected");
                } : factory) {
            @Override
            protected void close(Object raw) {
                // stand-in sessions have no close()
            }
        };
    }
}
