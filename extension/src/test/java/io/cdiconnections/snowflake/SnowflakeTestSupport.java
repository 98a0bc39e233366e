package io.cdiconnections.snowflake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionLifecycle;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Configurations, contexts and files for the Snowflake tests; nothing touches the real environment. */
final class SnowflakeTestSupport {

    private SnowflakeTestSupport() {
    }

    /** @return a config of these properties (as a secrets file would give them) */
    static Config config(Map<String, String> properties) {
        return config(properties, Map.of());
    }

    /** @return a config of these properties and environment variables (ordinal 300, as in a real one) */
    static Config config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test-secrets", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    static ConnectionContext context(String name, Config config, Map<String, String> options) {
        return new ConnectionContext(name, options, null, Connection.UNBOUNDED, config, ConnectionLifecycle.NONE);
    }

    static SnowflakeEnvironment env(Path home, Map<String, String> variables) {
        return SnowflakeEnvironment.fixed(variables, home);
    }

    /** Writes a file readable and writable by its owner only, as the Snowflake drivers want. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return file;
    }
}
