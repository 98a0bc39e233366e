package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.test.CountingConnection;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A secrets.toml edited on disk, seen through the real SecretsConfigSource. */
class SecretsReloadTest {

    private static final String TYPE = "type = \"" + CountingConnection.class.getName() + "\"\n";

    @TempDir
    Path tmp;

    @Test
    void editingOneSectionOnDiskReconnectsOnlyThatConnection() throws Exception {
        Path file = tmp.resolve("secrets.toml");
        Files.writeString(file, "[connections.a]\n" + TYPE + "host = \"one\"\n[connections.b]\n" + TYPE + "host = \"b\"\n");
        System.setProperty("secrets.files", file.toString());
        SecretsConfigSource source;
        try {
            source = new SecretsConfigSource(null);
        } finally {
            System.clearProperty("secrets.files");
        }
        Config config = new SmallRyeConfigBuilder().withSources(source).build();
        try (source; ConnectionRegistry registry = new ConnectionRegistry(config, getClass().getClassLoader())) {
            CountingConnection a = registry.get("a", CountingConnection.class);
            CountingConnection b = registry.get("b", CountingConnection.class);
            CountingConnection.Raw rawA = a.raw();
            CountingConnection.Raw rawB = b.raw();
            assertThat(rawA.params.get("host")).contains("one");

            Files.writeString(file, "[connections.a]\n" + TYPE + "host = \"two\"\n[connections.b]\n" + TYPE + "host = \"b\"\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!rawA.closed && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(rawA.closed).as("a's raw instance closed after its section changed").isTrue();
            assertThat(a.raw().params.get("host")).contains("two");
            assertThat(rawB.closed).isFalse();
            assertThat(b.raw()).isSameAs(rawB);
            assertThat(registry.get("a", CountingConnection.class)).isSameAs(a);
        }
    }

    @Test
    void aStoppedApplicationReleasesTheWatchUnlessAnotherStillListensAndANewOneWatchesAgain() throws Exception {
        Path file = tmp.resolve("secrets.toml");
        Files.writeString(file, "[connections.a]\n" + TYPE + "host = \"one\"\n");
        try (SecretsConfigSource source = SecretsConfigSource.ofFiles(List.of(file))) {
            Config config = new SmallRyeConfigBuilder().withSources(source).build();
            ConnectionRegistry first = new ConnectionRegistry(config, getClass().getClassLoader());
            ConnectionRegistry second = new ConnectionRegistry(config, getClass().getClassLoader());
            first.close();
            first.stopWatchingSecrets();
            assertThat(source.hasChangeListeners()).as("the second application still listens").isTrue();
            Files.writeString(file, "[connections.a]\n" + TYPE + "host = \"two\"\n");
            awaitHost(source, "two");

            second.close();
            second.stopWatchingSecrets();
            assertThat(source.hasChangeListeners()).isFalse();

            // a container started again on the same Config subscribes, and the source is watched again
            try (ConnectionRegistry again = new ConnectionRegistry(config, getClass().getClassLoader())) {
                Files.writeString(file, "[connections.a]\n" + TYPE + "host = \"three\"\n");
                awaitHost(source, "three");
                assertThat(again.get("a", CountingConnection.class).raw().params.get("host")).contains("three");
            }
        }
    }

    private static void awaitHost(SecretsConfigSource source, String host) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!host.equals(source.getValue("connections.a.host")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(source.getValue("connections.a.host")).isEqualTo(host);
    }
}
