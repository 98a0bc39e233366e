package io.cdiconnections.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.sql.SQLConnection;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The probe over a registry that reads a real secrets file: DOWN with a wrong password, UP again once the file is fixed. */
class ConnectionProbeTest {

    private static final String WRONG = "N0t-The-Pa55word";

    @TempDir
    Path dir;

    @Test
    void aFixedSecretsFileTurnsDownIntoUpWithoutConnectingForTheCheck() throws Exception {
        Path file = dir.resolve("secrets.toml");
        Files.writeString(file, secrets("probe_nobody", WRONG));
        try (SecretsConfigSource source = SecretsConfigSource.ofFiles(List.of(file));
             ConnectionRegistry registry = new ConnectionRegistry(
                     new SmallRyeConfigBuilder().withSources(source).build(), getClass().getClassLoader())) {
            ConnectionProbe probe = new ConnectionProbe(registry, true);
            assertThat(only(probe.check(Duration.ofSeconds(5), false)).state())
                    .as("a section only, never used").isEqualTo(ConnectionStatus.NOT_CONNECTED);

            SQLConnection db = registry.get("probe_db", SQLConnection.class);
            try {
                db.query("select 1");
            } catch (RuntimeException expected) {
                // wrong password
            }
            ConnectionStatus down = only(probe.check(Duration.ofSeconds(5), false));
            assertThat(down.up()).isFalse();
            assertThat(down.state()).isEqualTo(ConnectionStatus.CONNECT_FAILED);
            assertThat(down.toString()).doesNotContain(WRONG).contains("probe_nobody");

            Files.writeString(file, secrets("root", ""));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            ConnectionStatus after = down;
            while (!after.up() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = only(probe.check(Duration.ofSeconds(5), false));
            }
            assertThat(after.up()).as(after.toString()).isTrue();
            assertThat(after.state()).as("the reload forgot the failure; nothing connected").isEqualTo(
                    ConnectionStatus.NOT_CONNECTED);
            assertThat(db.isConnected()).isFalse();

            db.query("select 1");
            assertThat(only(probe.check(Duration.ofSeconds(5), false)).state()).isEqualTo(ConnectionStatus.CONNECTED);
        }
    }

    private static ConnectionStatus only(List<ConnectionStatus> statuses) {
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).name()).isEqualTo("probe_db");
        return statuses.get(0);
    }

    private static String secrets(String user, String password) {
        return """
                [connections.probe_db]
                type = "sql"
                url = "jdbc:mariadb://127.0.0.1:3306/test"
                username = "%s"
                password = "%s"
                retry_attempts = 1
                """.formatted(user, password);
    }
}
