package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdiconnections.ConnectionUnavailableException;

/**
 * The real Snowflake JDBC driver (and Snowpark) on the class path, actually called: an account
 * whose host is a local port this test controls fails fast with our message, and the password
 * shows nowhere. Platform detection is turned off so that the driver probes no cloud metadata
 * address; it sends nothing but to 127.0.0.1.
 */
class SnowflakeDriverTest {

    private static final String PASSWORD = "Dr1ver-Te5t-Pa55word";

    @TempDir
    Path home;

    @Test
    void theThreeXDriverIsFoundByClassName() {
        Driver driver = SnowflakeJdbc.driver().orElseThrow();
        assertThat(driver.getClass().getName()).isEqualTo("net.snowflake.client.jdbc.SnowflakeDriver");
        assertThat(driver.getMajorVersion()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(LocalServer.Mode.class)
    void anUnreachableAccountFailsFastWithOurMessageAndWithoutThePassword(LocalServer.Mode mode) throws Exception {
        try (LocalServer server = new LocalServer(mode)) {
            SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("sf",
                    SnowflakeTestSupport.config(Map.of()), options(server)),
                    SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> sf.query("select 1"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(server.connections()).as("the driver reached the stand-in").isPositive();
            assertThat(took).isLessThan(Duration.ofSeconds(60));
            assertThat(thrown).isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageStartingWith("Connection 'sf' (Snowflake) could not connect to jdbc:snowflake://127.0.0.1:"
                            + server.port() + "/ as user 'tester'")
                    .hasMessageContaining("CONNECTIONS_SF_PASSWORD");
            assertNoPassword(thrown);
            assertThat(sf.isConnected()).isFalse();
            sf.close();
        }
    }

    @Test
    void snowparkIsCalledWithTheSameParametersAndFailsTheSameWay() throws Exception {
        try (LocalServer server = new LocalServer(LocalServer.Mode.HTTP_503)) {
            SnowflakeConnection sf = new SnowflakeConnection(SnowflakeTestSupport.context("sf",
                    SnowflakeTestSupport.config(Map.of()), options(server)),
                    SnowflakeTestSupport.env(home, Map.of()), SnowflakeConnection.DRIVER);
            Throwable thrown = catchThrowable(sf::session);
            assertThat(server.connections()).as("Snowpark's JDBC login reached the stand-in").isPositive();
            assertThat(thrown).isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageStartingWith("Connection 'sf': the Snowpark session could not be created");
            assertNoPassword(thrown);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theSnowparkTypeLogsInThroughSnowparkAndFailsWithoutThePassword() throws Exception {
        try (LocalServer server = new LocalServer(LocalServer.Mode.ACCEPT_AND_CLOSE)) {
            SnowparkConnection sp = new SnowparkConnection(SnowflakeTestSupport.context("snowpark",
                    SnowflakeTestSupport.config(Map.of()), options(server)),
                    SnowflakeTestSupport.env(home, Map.of()), SnowparkConnection.SNOWPARK);
            Throwable thrown = catchThrowable(() -> sp.query("select 1"));
            assertThat(server.connections()).isPositive();
            assertThat(thrown).isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageContaining("the Snowpark session could not be created");
            assertNoPassword(thrown);
        }
    }

    @Test
    void snowparkAcceptsTheConfigsMapWithoutConnecting() throws Exception {
        Class<?> session = Snowpark.sessionClass().orElseThrow();
        Map<String, String> configs = SnowflakeTarget.from("sf", Map.of("account", "acct", "user", "u",
                "password", PASSWORD, "warehouse", "WH")).snowparkConfigs();
        Object builder = Snowpark.builder(session, configs);
        assertThat(builder.getClass().getName()).isEqualTo("com.snowflake.snowpark_java.SessionBuilder");
    }

    private Map<String, String> options(LocalServer server) {
        Map<String, String> o = new HashMap<>();
        o.put("account", "testacct");
        o.put("host", "127.0.0.1");
        o.put("port", String.valueOf(server.port()));
        o.put("protocol", "http");
        o.put("user", "tester");
        o.put("password", PASSWORD);
        o.put("login_timeout", "3");
        o.put("network_timeout", "3");
        o.put("maxHttpRetries", "2");
        o.put("disablePlatformDetection", "true");
        return o;
    }

    private static void assertNoPassword(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(PASSWORD);
        assertThat(thrown.getMessage()).doesNotContain(PASSWORD);
    }
}
