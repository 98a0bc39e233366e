package io.cdiconnections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.cdiconnections.config.SecretsConfigSource;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a connection's section is read: from one snapshot of the files, literally, unambiguously. */
class SecretsReaderTest {

    private static final int KEYS = 200;
    private static final int SWAPS = 12;
    private static final long HANG_NANOS = 60_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void aSectionReadWhileItsFileIsSwappedComesWholeFromOneVersionWithTheEnvironmentOverIt() throws Exception {
        Path file = tmp.resolve("secrets.toml");
        write(file, version("v0"));
        try (SecretsConfigSource secrets = SecretsConfigSource.ofFiles(List.of(file))) {
            SmallRyeConfig config = config(secrets, Map.of("CONNECTIONS_DB_K7", "from-env"));
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            AtomicInteger mixed = new AtomicInteger();
            AtomicInteger envLost = new AtomicInteger();
            Runnable reader = () -> {
                while (!done.get()) {
                    Map<String, String> values = SecretsReader.read(config, "db", Set.of());
                    Set<String> versions = new HashSet<>();
                    values.forEach((k, v) -> {
                        if (!k.equals("k7")) {
                            versions.add(v);
                        }
                    });
                    if (versions.size() != 1 || values.size() != KEYS) {
                        mixed.incrementAndGet();
                    }
                    if (!"from-env".equals(values.get("k7"))) {
                        envLost.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
            };
            List<Thread> readers = List.of(new Thread(reader), new Thread(reader));
            readers.forEach(Thread::start);
            try {
                for (int i = 1; i <= SWAPS; i++) {
                    // what an editor or a deployment tool does: write a temporary file, rename it over
                    Path next = write(tmp.resolve("secrets.toml.tmp"), version("v" + i));
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    String expected = "v" + i;
                    awaitReload(() -> expected.equals(secrets.getValue("connections.db.k0")));
                }
            } finally {
                done.set(true);
                for (Thread t : readers) {
                    t.join();
                }
            }
            assertThat(reads.get()).isGreaterThan(SWAPS);
            assertThat(mixed).as("reads mixing two versions, of " + reads.get()).hasValue(0);
            assertThat(envLost).hasValue(0);
        }
    }

    @Test
    void valuesReachTheDriverExactlyAsWrittenWithoutExpansion() throws Exception {
        Path file = write(tmp.resolve("secrets.toml"), """
                [connections.db]
                dollar = "a$b"
                password = "Pw${X}x"
                home = "${user.home}"
                doubled = "$${x}"
                escaped = '\\${x}'
                """);
        try (SecretsConfigSource secrets = SecretsConfigSource.ofFiles(List.of(file))) {
            SmallRyeConfig config = config(secrets, Map.of("CONNECTIONS_DB_TOKEN", "t${user.home}"));
            // what one getConfigValue per key gave: SmallRye's expansion
            assertThat(config.getConfigValue("connections.db.doubled").getValue()).isEqualTo("${x}");

            assertThat(SecretsReader.read(config, "db", Set.of("token"))).containsOnly(
                    Map.entry("dollar", "a$b"), Map.entry("password", "Pw${X}x"), Map.entry("home", "${user.home}"),
                    Map.entry("doubled", "$${x}"), Map.entry("escaped", "\\${x}"),
                    Map.entry("token", "t${user.home}"));
        }
    }

    @Test
    void anEnvironmentVariableThatFitsTwoSectionsIsAnErrorNamingItAndBoth() throws Exception {
        Path file = write(tmp.resolve("secrets.toml"), """
                [connections.my-db]
                host = "a"
                [connections.my_db]
                host = "b"
                [connections.other]
                host = "c"
                """);
        try (SecretsConfigSource secrets = SecretsConfigSource.ofFiles(List.of(file))) {
            SmallRyeConfig config = config(secrets, Map.of("CONNECTIONS_MY_DB_PASSWORD", "secret-value",
                    "CONNECTIONS_OTHER_PASSWORD", "p"));
            assertThatThrownBy(() -> SecretsReader.read(config, "my-db", Set.of("password")))
                    .isInstanceOf(SecretsReader.AmbiguousVariableException.class)
                    .hasMessageStartingWith("Environment variable CONNECTIONS_MY_DB_PASSWORD sets password of both"
                            + " [connections.my-db] and [connections.my_db]")
                    .hasMessageNotContaining("secret-value");
            assertThatThrownBy(() -> SecretsReader.read(config, "my_db", Set.of("password")))
                    .hasMessageContaining("[connections.my_db] and [connections.my-db]");
            assertThat(SecretsReader.read(config, "my-db", Set.of())).containsOnly(Map.entry("host", "a"));
            assertThat(SecretsReader.read(config, "other", Set.of("password")))
                    .containsOnly(Map.entry("host", "c"), Map.entry("password", "p"));
        }
    }

    private static SmallRyeConfig config(SecretsConfigSource secrets, Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(secrets, new EnvConfigSource(environment, 300)).build();
    }

    private static String version(String v) {
        StringBuilder toml = new StringBuilder("[connections.db]\n");
        for (int i = 0; i < KEYS; i++) {
            toml.append('k').append(i).append(" = \"").append(v).append("\"\n");
        }
        return toml.toString();
    }

    private static Path write(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void awaitReload(BooleanSupplier reloaded) throws InterruptedException {
        long end = System.nanoTime() + HANG_NANOS;
        while (!reloaded.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the watcher did not reload the swapped file");
            }
            Thread.sleep(10);
        }
    }
}
