package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source as applications meet it: registered through META-INF/services and ordered by real
 * SmallRye Config among the default sources.
 */
class SmallRyeConfigTest {

    private static final String PASSWORD = "connections.sql.password";

    @TempDir
    Path tmp;
    private Path secrets;

    @BeforeEach
    void writeSecretsFile() throws IOException {
        secrets = Secrets.write(tmp.resolve("secrets.toml"), """
                [connections.sql]
                host = "db.example"
                password = "from-file"
                ports = [5432, 5433]
                """);
        System.setProperty("secrets.files", secrets.toString());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("secrets.files");
        System.clearProperty(PASSWORD);
    }

    private static Config config() {
        return ConfigProviderResolver.instance().getBuilder().forClassLoader(SmallRyeConfigTest.class.getClassLoader())
                .addDefaultSources().addDiscoveredSources().build();
    }

    @Test
    void theSourceIsDiscoveredThroughServiceLoaderAndItsValuesRead() {
        Config config = config();
        assertThat(config.getValue("connections.sql.host", String.class)).isEqualTo("db.example");
        assertThat(config.getValues("connections.sql.ports", Integer.class)).containsExactly(5432, 5433);
        assertThat(config.getConfigSources()).filteredOn(s -> s instanceof SecretsConfigSource)
                .singleElement().extracting(ConfigSource::getOrdinal).isEqualTo(250);
    }

    @Test
    void anEditIsVisibleThroughConfigWithinTwoSeconds() throws IOException {
        Config config = config();
        Secrets.write(secrets, "[connections.sql]\npassword = \"rotated\"");
        Secrets.await(Duration.ofSeconds(2), "the rotated password",
                () -> "rotated".equals(config.getValue(PASSWORD, String.class)));
        assertThat(config.getOptionalValue("connections.sql.host", String.class)).isEmpty();
    }

    @Test
    void microprofileConfigPropertiesIsBelowTheFile() {
        Config config = config();
        assertThat(config.getValue(PASSWORD, String.class)).isEqualTo("from-file");
        assertThat(config.getValue("connections.sql.only-in-properties", String.class)).isEqualTo("yes");
    }

    @Test
    void aSystemPropertyOverridesTheFile() {
        System.setProperty(PASSWORD, "from-system-property");
        assertThat(config().getValue(PASSWORD, String.class)).isEqualTo("from-system-property");
    }

    @Test
    void anEnvironmentVariableOverridesTheFileInAChildJvm() throws Exception {
        assertThat(childJvm(Map.of("CONNECTIONS_SQL_PASSWORD", "from-environment"))).isEqualTo("from-environment");
        assertThat(childJvm(Map.of())).isEqualTo("from-file");
    }

    @Test
    void anInvalidFileStopsTheConfigFromBeingBuilt() throws IOException {
        Secrets.write(secrets, "[connections.sql]\npassword = ");
        assertThatThrownBy(SmallRyeConfigTest::config).isInstanceOf(SecretsException.class)
                .hasMessageContaining(secrets.toString()).hasMessageContaining("line 2");
    }

    /** A JVM cannot change its own environment, so the variable is set for a child one. */
    private String childJvm(Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsecrets.files=" + secrets,
                PrintConfigValue.class.getName(), PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CONNECTIONS_SQL_PASSWORD");
        builder.environment().remove("SECRETS_FILES");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
