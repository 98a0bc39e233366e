package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.test.SecretsExamples;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Parameters written as for Snowflake's Python connector (what Streamlit passes to
 * {@code snowflake.connector.connect}) become exactly this JDBC URL and these driver properties.
 */
class SnowflakeTargetTest {

    @TempDir
    Path home;

    static Stream<Arguments> translations() {
        return Stream.of(
                row("account, user and password",
                        Map.of("account", "myorg-acct", "user", "me", "password", "pw"),
                        "jdbc:snowflake://myorg-acct.snowflakecomputing.com/",
                        Map.of("account", "myorg-acct", "user", "me", "password", "pw")),
                row("a legacy account locator with its region",
                        Map.of("account", "xy12345.eu-central-1", "user", "me"),
                        "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/",
                        Map.of("account", "xy12345", "user", "me")),
                row("region as its own key",
                        Map.of("account", "xy12345", "region", "eu-west-1", "user", "me"),
                        "jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com/",
                        Map.of("account", "xy12345", "user", "me")),
                row("the account given as the full host name",
                        Map.of("account", "myorg-acct.snowflakecomputing.com", "user", "me"),
                        "jdbc:snowflake://myorg-acct.snowflakecomputing.com/",
                        Map.of("account", "myorg-acct", "user", "me")),
                row("host and port win over the account for the URL",
                        Map.of("account", "myorg-acct", "host", "myorg-acct.privatelink.snowflakecomputing.com",
                                "port", "443", "user", "me"),
                        "jdbc:snowflake://myorg-acct.privatelink.snowflakecomputing.com:443/",
                        Map.of("account", "myorg-acct", "user", "me")),
                row("host, port and protocol http, without an account",
                        Map.of("host", "127.0.0.1", "port", "8080", "protocol", "http", "user", "me"),
                        "jdbc:snowflake://127.0.0.1:8080/",
                        Map.of("ssl", "off", "user", "me")),
                row("Python connector names become the driver's",
                        map("account", "a", "user", "u", "database", "SALES", "login_timeout", "20",
                                "network_timeout", "30", "ocsp_fail_open", "true", "private_key_path", "/k/rsa.p8",
                                "private_key_passphrase", "kp", "client_session_keep_alive", "true",
                                "authenticator", "SNOWFLAKE_JWT", "warehouse", "WH", "schema", "PUBLIC", "role", "R",
                                "token", "t0k"),
                        "jdbc:snowflake://a.snowflakecomputing.com/",
                        map("account", "a", "user", "u", "db", "SALES", "loginTimeout", "20", "networkTimeout", "30",
                                "ocspFailOpen", "true", "private_key_file", "/k/rsa.p8", "private_key_file_pwd", "kp",
                                "CLIENT_SESSION_KEEP_ALIVE", "true", "authenticator", "SNOWFLAKE_JWT",
                                "warehouse", "WH", "schema", "PUBLIC", "role", "R", "token", "t0k")),
                row("our keys and Python-only keys are not sent; session_parameters are",
                        map("account", "a", "type", "snowflake", "connection_name", "x", "query_ttl", "600",
                                "retry_attempts", "2", "retry_wait", "1", "paramstyle", "qmark",
                                "session_parameters.query_tag", "report", "session_parameters.TIMEZONE", "UTC",
                                "create_engine_kwargs.pool_size", "5"),
                        "jdbc:snowflake://a.snowflakecomputing.com/",
                        Map.of("account", "a", "QUERY_TAG", "report", "TIMEZONE", "UTC")),
                row("any other key goes to the driver as written",
                        Map.of("account", "a", "tracing", "FINE", "disablePlatformDetection", "true"),
                        "jdbc:snowflake://a.snowflakecomputing.com/",
                        Map.of("account", "a", "tracing", "FINE", "disablePlatformDetection", "true")),
                row("the driver's own spelling wins over the Python one",
                        Map.of("account", "a", "database", "FROM_PYTHON_NAME", "db", "FROM_DRIVER_NAME"),
                        "jdbc:snowflake://a.snowflakecomputing.com/",
                        Map.of("account", "a", "db", "FROM_DRIVER_NAME")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void parametersBecomeExactlyThisUrlAndTheseProperties(String what, Map<String, String> params, String url,
                                                          Map<String, String> expected) {
        SnowflakeTarget target = SnowflakeTarget.from("sf", params);
        assertThat(target.url()).isEqualTo(url);
        Map<String, String> props = new TreeMap<>(expected);
        props.putIfAbsent("JDBC_QUERY_RESULT_FORMAT", "JSON");
        assertThat(target.properties()).isEqualTo(props);
        assertThat(target.driverProperties()).containsExactlyInAnyOrderEntriesOf(props);
    }

    @Test
    void aResultFormatTheUserSetIsKeptInWhateverCase() {
        assertThat(SnowflakeTarget.from("sf", Map.of("account", "a", "JDBC_QUERY_RESULT_FORMAT", "ARROW")).properties())
                .containsEntry("JDBC_QUERY_RESULT_FORMAT", "ARROW").hasSize(2);
        assertThat(SnowflakeTarget.from("sf", Map.of("account", "a", "jdbc_query_result_format", "arrow")).properties())
                .containsEntry("JDBC_QUERY_RESULT_FORMAT", "arrow").hasSize(2);
        assertThat(SnowflakeTarget.from("sf",
                Map.of("account", "a", "session_parameters.jdbc_query_result_format", "ARROW")).properties())
                .containsEntry("JDBC_QUERY_RESULT_FORMAT", "ARROW").hasSize(2);
    }

    @Test
    void snowparkGetsTheSamePropertiesAndTheUrlItBuildsItsJdbcUrlFrom() {
        assertThat(SnowflakeTarget.from("sf", Map.of("account", "myorg-acct", "user", "me")).snowparkConfigs())
                .containsEntry("URL", "https://myorg-acct.snowflakecomputing.com:443")
                .containsEntry("account", "myorg-acct").containsEntry("user", "me")
                .containsEntry("JDBC_QUERY_RESULT_FORMAT", "JSON").hasSize(4);
        assertThat(SnowflakeTarget.from("sf", Map.of("host", "127.0.0.1", "port", "8080", "protocol", "http"))
                .snowparkConfigs()).containsEntry("URL", "http://127.0.0.1:8080").containsEntry("ssl", "off");
    }

    @Test
    void noAccountAndNoHostIsAnErrorThatSaysWhatToWrite() {
        assertThatThrownBy(() -> SnowflakeTarget.from("sf", Map.of("user", "me", "password", "pw")))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("names no account")
                .hasMessageContaining("[connections.sf]")
                .hasMessageContaining("CONNECTIONS_SF_ACCOUNT")
                .hasMessageNotContaining("pw");
    }

    @Test
    void aPortThatIsNotOneIsAnError() {
        for (String port : new String[] {"http", "0", "70000"}) {
            assertThatThrownBy(() -> SnowflakeTarget.from("sf", Map.of("account", "a", "port", port)))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("'port' must be a port number");
        }
    }

    @Test
    void descriptionsNeverShowASecret() {
        SnowflakeTarget t = SnowflakeTarget.from("sf", Map.of("account", "a", "user", "me", "password", "s3cr3t-pw",
                "private_key_file_pwd", "k3y-pw", "token", "t0ken"));
        assertThat(t.describe()).isEqualTo("jdbc:snowflake://a.snowflakecomputing.com/ as user 'me'");
        assertThat(t.toString()).doesNotContain("s3cr3t-pw", "k3y-pw", "t0ken");
    }

    // ------------------------------------------------------------------ Streamlit's secrets examples

    @Test
    void snowflakeTomlGivesTheTutorialsKeyPairConnection() throws Exception {
        Path file = example("snowflake.toml");
        Config config = secretsConfig(file);
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        SnowflakeTarget target = sf.target();
        assertIsTheTutorialsKeyPairConnection(target);
    }

    @Test
    void snowflakeConnectionsTomlIsTheFallbackForTheNameSnowflake() throws Exception {
        Path example = example("snowflake-connections.toml");
        SnowflakeTestSupport.write(home.resolve(".snowflake/connections.toml"), Files.readString(example));
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake",
                SnowflakeTestSupport.config(Map.of()), Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        SnowflakeTarget target = sf.target();
        assertIsTheTutorialsKeyPairConnection(target);
    }

    @Test
    void snowflakeSqlalchemyTomlIsForTheSqlTypeAndTheErrorSaysSo() throws Exception {
        Config config = secretsConfig(example("snowflake-sqlalchemy.toml"));
        SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("snowflake", config, Map.of()),
                SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
        assertThatThrownBy(sf::target)
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("does not read 'url'")
                .hasMessageContaining("type = \"sql\"");
    }

    // ------------------------------------------------------------------ helpers

    /** snowflake.toml and snowflake-connections.toml hold the same connection, so they give the same target. */
    private static void assertIsTheTutorialsKeyPairConnection(SnowflakeTarget target) {
        assertThat(target.url()).isEqualTo("jdbc:snowflake://xxxxxxx-xxxxxxx.snowflakecomputing.com/");
        assertThat(target.properties()).isEqualTo(new TreeMap<>(map("account", "xxxxxxx-xxxxxxx", "user", "xxx",
                "private_key_file", "../xxx/xxx.p8", "role", "xxx", "warehouse", "xxx", "db", "xxx", "schema", "xxx",
                "JDBC_QUERY_RESULT_FORMAT", "JSON")));
    }

    private static Path example(String name) {
        return SecretsExamples.file(name);
    }

    /** The real secrets.toml source over one file (secrets.files is read once, at construction). */
    private static Config secretsConfig(Path file) {
        System.setProperty("secrets.files", file.toString());
        SecretsConfigSource source;
        try {
            source = new SecretsConfigSource(SnowflakeTargetTest.class.getClassLoader());
        } finally {
            System.clearProperty("secrets.files");
        }
        source.close(); // stop watching: the values stay
        return new SmallRyeConfigBuilder().withSources(source).build();
    }

    private static Arguments row(String what, Map<String, String> params, String url, Map<String, String> expected) {
        return Arguments.of(what, params, url, expected);
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
