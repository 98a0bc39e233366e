package io.cdiconnections.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdiconnections.config.SecretsConfigSource;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Row 8: loading a secrets.toml of 10,000 keys (1,000 connection sections of 10 keys), and
 * {@code getValue} on it against SmallRye's {@code PropertiesConfigSource} holding the same keys.
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConfigBenchmark {

    /** The sections of the file; 10 keys each. */
    public static final int SECTIONS = 1_000;

    Path file;
    SecretsConfigSource secrets;
    PropertiesConfigSource properties;
    /** Not final, so the JIT cannot fold the key. */
    String key = "connections.db500.password";

    /** Writes the file and loads it once for the lookups. */
    @Setup
    public void setup() {
        file = writeSecrets(SECTIONS);
        System.setProperty("secrets.files", file.toString());
        secrets = new SecretsConfigSource(null);
        Map<String, String> copy = new HashMap<>(secrets.getProperties());
        properties = new PropertiesConfigSource(copy, "bench.properties", 100);
        if (!secrets.getValue(key).equals(properties.getValue(key)) || secrets.getPropertyNames().size() < SECTIONS * 10) {
            throw new IllegalStateException("the file did not load: " + secrets);
        }
    }

    /**
     * Stops watching and deletes the file.
     *
     * @throws IOException when the file cannot be deleted
     */
    @TearDown
    public void tearDown() throws IOException {
        secrets.close();
        System.clearProperty("secrets.files");
        Files.deleteIfExists(file);
    }

    /**
     * @param sections how many {@code [connections.dbN]} sections of 10 keys
     * @return the file, in a new temporary directory
     */
    public static Path writeSecrets(int sections) {
        StringBuilder toml = new StringBuilder(sections * 400);
        toml.append("# ").append(sections * 10).append(" keys\n");
        for (int i = 0; i < sections; i++) {
            toml.append("\n[connections.db").append(i).append("]\n")
                    .append("dialect = \"postgresql\"\n")
                    .append("host = \"db").append(i).append(".example.com\"\n")
                    .append("port = ").append(5432 + i % 10).append('\n')
                    .append("database = \"shop_").append(i).append("\"\n")
                    .append("username = \"app_").append(i).append("\"\n")
                    .append("password = \"s3cr3t-").append(Integer.toHexString(i * 7919)).append("\"\n")
                    .append("query_ttl = 600\n")
                    .append("autocommit = true\n")
                    .append("create_engine_kwargs = { pool_size = 5, pool_pre_ping = true }\n");
        }
        try {
            Path dir = Files.createTempDirectory("cdi-bench-secrets");
            Path f = dir.resolve("secrets.toml");
            Files.writeString(f, toml);
            f.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the source, read from the file (parse, flatten, start watching), then closed */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SecretsConfigSource loadOurs() {
        SecretsConfigSource source = new SecretsConfigSource(null);
        source.close();
        return source;
    }

    /** @return the value, from our source */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String getValueOurs() {
        return secrets.getValue(key);
    }

    /** @return the value, from SmallRye's properties source */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String getValueBaselineProperties() {
        return properties.getValue(key);
    }
}
