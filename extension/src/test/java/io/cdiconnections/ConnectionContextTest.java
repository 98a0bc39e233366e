package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdiconnections.config.SecretsConfigSource;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a handle's context reads of its section, and how a problem of the section reaches the user. */
class ConnectionContextTest {

    @TempDir
    Path tmp;

    @Test
    void anEnvironmentVariableOfTwoSectionsIsAConfigurationErrorOfTheConnection() throws Exception {
        Path file = Files.writeString(tmp.resolve("secrets.toml"), """
                [connections.my-db]
                host = "a"
                [connections.my_db]
                host = "b"
                """);
        try (SecretsConfigSource secrets = SecretsConfigSource.ofFiles(List.of(file))) {
            var config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withSources(secrets, new EnvConfigSource(Map.of("CONNECTIONS_MY_DB_PASSWORD", "secret-value"), 300))
                    .build();
            ConnectionContext context = new ConnectionContext("my-db", Map.of(), null, Connection.UNBOUNDED, config,
                    ConnectionLifecycle.NONE);

            assertThatThrownBy(() -> context.parameters(Set.of("password")))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageStartingWith("Environment variable CONNECTIONS_MY_DB_PASSWORD sets password of both"
                            + " [connections.my-db] and [connections.my_db]")
                    .hasMessageNotContaining("secret-value");
        }
    }
}
