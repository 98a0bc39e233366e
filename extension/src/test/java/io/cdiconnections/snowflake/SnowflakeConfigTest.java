package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.ConnectionConfigException;

/**
 * Where a Snowflake connection's parameters come from, in Streamlit's order: connections.toml
 * (SNOWFLAKE_HOME, SNOWFLAKE_DEFAULT_CONNECTION_NAME, [default], connection_name), secrets, options.
 * Every file is written by the test under a temporary home; the real environment is never read.
 */
class SnowflakeConfigTest {

    private static final String CONNECTIONS_TOML = """
            [default]
            account = "default-acct"
            user = "default-user"
            password = "default-pw"
            warehouse = "DEFAULT_WH"

            [prod]
            account = "prod-acct"
            user = "prod-user"
            password = "prod-pw"
            role = "PROD_ROLE"
            port = 443
            client_session_keep_alive = true

            [prod.session_parameters]
            QUERY_TAG = "from-toml"

            [analytics]
            account = "analytics-acct"
            user = "analyst"
            """;

    @TempDir
    Path home;

    @Test
    void theNameSnowflakeWithoutASectionUsesTheDefaultConnectionOfConnectionsToml() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("snowflake", Map.of(), Map.of(), Map.of());
        assertThat(t.url()).isEqualTo("jdbc:snowflake://default-acct.snowflakecomputing.com/");
        assertThat(t.properties()).containsEntry("user", "default-user").containsEntry("password", "default-pw")
                .containsEntry("warehouse", "DEFAULT_WH");
    }

    @Test
    void snowflakeHomeMovesTheFile() throws Exception {
        writeToml(home.resolve(".snowflake"));
        Path elsewhere = home.resolve("elsewhere");
        SnowflakeTestSupport.write(elsewhere.resolve("connections.toml"), "[default]\naccount = \"moved-acct\"\n");
        assertThat(target("snowflake", Map.of(), Map.of(), Map.of("SNOWFLAKE_HOME", elsewhere.toString())).url())
                .isEqualTo("jdbc:snowflake://moved-acct.snowflakecomputing.com/");
        assertThat(target("snowflake", Map.of(), Map.of(), Map.of("SNOWFLAKE_HOME", "~/elsewhere")).url())
                .isEqualTo("jdbc:snowflake://moved-acct.snowflakecomputing.com/");
    }

    @Test
    void snowflakeDefaultConnectionNameChoosesTheSection() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("snowflake", Map.of(), Map.of(), Map.of("SNOWFLAKE_DEFAULT_CONNECTION_NAME", "prod"));
        assertThat(t.url()).isEqualTo("jdbc:snowflake://prod-acct.snowflakecomputing.com:443/");
        assertThat(t.properties()).containsEntry("role", "PROD_ROLE").containsEntry("CLIENT_SESSION_KEEP_ALIVE", "true")
                .containsEntry("QUERY_TAG", "from-toml").doesNotContainKey("warehouse");
    }

    @Test
    void snowflakeDefaultConnectionNameMayBeARootKeyOfSecretsAsInStreamlit() throws Exception {
        writeToml(home.resolve(".snowflake"));
        Config config = SnowflakeTestSupport.config(Map.of("SNOWFLAKE_DEFAULT_CONNECTION_NAME", "analytics"));
        SnowflakeEnvironment real = SnowflakeEnvironment.of(config);
        SnowflakeEnvironment env = new SnowflakeEnvironment() {
            @Override
            public java.util.Optional<String> variable(String name) {
                return name.equals("SNOWFLAKE_HOME") ? java.util.Optional.empty() : real.variable(name);
            }

            @Override
            public Path home() {
                return home;
            }
        };
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                env, SnowflakeConnection.DRIVER);
        assertThat(sf.target().url()).isEqualTo("jdbc:snowflake://analytics-acct.snowflakecomputing.com/");
    }

    @Test
    void everyKeyTheConfigurationDocsListCanComeFromAnEnvironmentVariableAlone() throws Exception {
        Config config = SnowflakeTestSupport.config(Map.of(), Map.of("CONNECTIONS_SNOWFLAKE_ACCOUNT", "env-acct",
                "CONNECTIONS_SNOWFLAKE_USERNAME", "env-username", "CONNECTIONS_SNOWFLAKE_QUERY_TAG", "env-tag"));
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        assertThat(sf.knownKeys()).containsAll(io.cdiconnections.test.DocumentedKeys.of("### `snowflake`"));
        assertThat(sf.target().properties()).containsEntry("user", "env-username");
        assertThat(sf.target().properties().toString()).contains("env-tag");
    }

    @Test
    void aDefaultConnectionNameThatNamesNoSectionIsAnErrorListingTheSections() throws Exception {
        writeToml(home.resolve(".snowflake"));
        assertThatThrownBy(() -> target("snowflake", Map.of(), Map.of(),
                Map.of("SNOWFLAKE_DEFAULT_CONNECTION_NAME", "staging")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("SNOWFLAKE_DEFAULT_CONNECTION_NAME names the section [staging]")
                .hasMessageContaining(home.resolve(".snowflake/connections.toml").toString())
                .hasMessageContaining("default, prod, analytics");
    }

    @Test
    void connectionNameInSecretsSelectsASectionAndSecretsAndOptionsWin() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("snowflake", Map.of("connection_name", "prod", "role", "SECRET_ROLE",
                "warehouse", "SECRET_WH"), Map.of("warehouse", "OPTION_WH"), Map.of());
        assertThat(t.url()).isEqualTo("jdbc:snowflake://prod-acct.snowflakecomputing.com:443/");
        assertThat(t.properties()).containsEntry("user", "prod-user").containsEntry("role", "SECRET_ROLE")
                .containsEntry("warehouse", "OPTION_WH").doesNotContainKey("connection_name");
    }

    @Test
    void connectionNameMayComeFromOptionsForAnyName() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("reports", Map.of(), Map.of("connection_name", "analytics"), Map.of());
        assertThat(t.url()).isEqualTo("jdbc:snowflake://analytics-acct.snowflakecomputing.com/");
    }

    @Test
    void connectionNameWithoutTheFileIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> target("snowflake", Map.of("connection_name", "prod"), Map.of(), Map.of()))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("connection_name names the section [prod]")
                .hasMessageContaining(home.resolve(".snowflake/connections.toml") + " does not exist");
    }

    @Test
    void aSecretsSectionMeansConnectionsTomlIsNotRead() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("snowflake", Map.of("account", "secret-acct"), Map.of(), Map.of());
        assertThat(t.url()).isEqualTo("jdbc:snowflake://secret-acct.snowflakecomputing.com/");
        assertThat(t.properties()).doesNotContainKeys("user", "password", "warehouse");
    }

    @Test
    void anotherNameWithoutASectionUsesTheSectionOfThatName() throws Exception {
        writeToml(home.resolve(".snowflake"));
        assertThat(target("analytics", Map.of(), Map.of(), Map.of()).url())
                .isEqualTo("jdbc:snowflake://analytics-acct.snowflakecomputing.com/");
    }

    // Streamlit: snowflake_connection_test.py, test_uses_config_manager_if_available
    // (connect(connection_name="default", some_kwarg="some_value"): the connector's arguments win)
    @Test
    void optionsAreLaidOverTheDefaultConnection() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeTarget t = target("snowflake", Map.of(), Map.of("warehouse", "OPTION_WH"), Map.of());
        assertThat(t.properties()).containsEntry("account", "default-acct").containsEntry("warehouse", "OPTION_WH");
    }

    @Test
    void optionsAloneAreEnough() {
        assertThat(target("adhoc", Map.of(), Map.of("account", "opt-acct", "user", "u"), Map.of()).url())
                .isEqualTo("jdbc:snowflake://opt-acct.snowflakecomputing.com/");
    }

    @Test
    void nothingConfiguredAnywhereNamesTheThreePlacesWeLooked() {
        for (String name : new String[] {"snowflake", "reports"}) {
            assertThatThrownBy(() -> target(name, Map.of(), Map.of(), Map.of()))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageStartingWith("Missing Snowflake connection configuration for connection '" + name + "'")
                    .hasMessageContaining("[connections." + name + "] section of secrets.toml")
                    .hasMessageContaining(home.resolve(".snowflake/connections.toml").toString())
                    .hasMessageContaining("options in code");
        }
    }

    @Test
    void environmentVariablesAloneConfigureTheConnection() {
        Config config = SnowflakeTestSupport.config(Map.of(), Map.of("CONNECTIONS_SNOWFLAKE_ACCOUNT", "env-acct",
                "CONNECTIONS_SNOWFLAKE_USER", "env-user", "CONNECTIONS_SNOWFLAKE_PASSWORD", "env-pw",
                "CONNECTIONS_SNOWFLAKE_WAREHOUSE", "ENV_WH", "CONNECTIONS_SNOWFLAKE_PRIVATE_KEY_FILE_PWD", "env-kp"));
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        SnowflakeTarget t = sf.target();
        assertThat(t.url()).isEqualTo("jdbc:snowflake://env-acct.snowflakecomputing.com/");
        assertThat(t.properties()).containsEntry("user", "env-user").containsEntry("password", "env-pw")
                .containsEntry("warehouse", "ENV_WH").containsEntry("private_key_file_pwd", "env-kp");
    }

    @Test
    void anEnvironmentVariableOverridesTheSecretsFile() {
        Config config = SnowflakeTestSupport.config(Map.of("connections.snowflake.account", "file-acct",
                "connections.snowflake.password", "file-pw"), Map.of("CONNECTIONS_SNOWFLAKE_PASSWORD", "env-pw"));
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        assertThat(sf.target().properties()).containsEntry("password", "env-pw");
    }

    @Test
    void aConnectionsTomlOthersMayWriteIsRefusedAsTheDriversRefuseIt() throws Exception {
        Path file = writeToml(home.resolve(".snowflake"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> target("snowflake", Map.of(), Map.of(), Map.of()))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("writable by group or others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void invalidTomlNamesTheLineButNeverQuotesIt() throws Exception {
        SnowflakeTestSupport.write(home.resolve(".snowflake/connections.toml"),
                "[default]\naccount = \"a\"\npassword = \"leaky-pw\" oops\n");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> target("snowflake", Map.of(), Map.of(), Map.of()));
        assertThat(thrown).isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("is not valid TOML (line 3");
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("leaky-pw");
    }

    @Test
    void aHugeConnectionsTomlIsRefusedUnreadNamingTheFile() throws Exception {
        // 3 GiB, sparse: reading it whole failed with "Required array size too large"
        Path file = writeToml(home.resolve(".snowflake"));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        assertThatThrownBy(() -> target("snowflake", Map.of(), Map.of(), Map.of()))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("it is too large (" + (3L << 30) + " bytes");
    }

    @Test
    void validationChecksTheConfigurationWithoutConnecting() throws Exception {
        writeToml(home.resolve(".snowflake"));
        SnowflakeConnection ok = connection("snowflake", Map.of(), Map.of(), Map.of());
        ok.validate(ok.parameters());
        assertThat(ok.isConnected()).isFalse();
        SnowflakeConnection bad = connection("snowflake", Map.of("user", "u"), Map.of(), Map.of());
        assertThatThrownBy(() -> bad.validate(bad.parameters())).hasMessageContaining("names no account");
    }

    // ------------------------------------------------------------------ helpers

    private Path writeToml(Path dir) throws Exception {
        return SnowflakeTestSupport.write(dir.resolve("connections.toml"), CONNECTIONS_TOML);
    }

    private SnowflakeTarget target(String name, Map<String, String> secrets, Map<String, String> options,
                                   Map<String, String> variables) {
        return connection(name, secrets, options, variables).target();
    }

    private SnowflakeConnection connection(String name, Map<String, String> secrets, Map<String, String> options,
                                           Map<String, String> variables) {
        Map<String, String> props = new HashMap<>();
        secrets.forEach((k, v) -> props.put("connections." + name + "." + k, v));
        return new SnowflakeConnection(SnowflakeTestSupport.context(name, SnowflakeTestSupport.config(props), options),
                SnowflakeTestSupport.env(home, variables), SnowflakeConnection.DRIVER);
    }
}
