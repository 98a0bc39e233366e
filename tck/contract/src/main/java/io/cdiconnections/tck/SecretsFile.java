package io.cdiconnections.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.config.SecretsConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A real secrets.toml in a temporary folder, read and watched by a real {@link SecretsConfigSource}
 * that is the only source of a SmallRye {@link Config}: what an application sees, without the
 * machine's own {@code ~/.streamlit/secrets.toml}, environment variables or system properties.
 */
final class SecretsFile implements AutoCloseable {

    /** {@code secrets.files}, {@code user.home} and {@code user.dir} are JVM-wide: one source is made at a time. */
    private static final Object DISCOVERY = new Object();

    private final Path file;
    private final Map<String, String> sections = new LinkedHashMap<>();
    private SecretsConfigSource source;
    private Config config;

    SecretsFile(Path folder) {
        this.file = folder.resolve("secrets.toml");
    }

    /** Sets a section's body (TOML keys); {@link #save()} writes it. */
    SecretsFile section(String name, String body) {
        sections.put(name, Objects.requireNonNull(body));
        return this;
    }

    /** Writes the file: first to start, later to change it on disk under the watcher's eyes. */
    SecretsFile save() throws IOException {
        StringBuilder sb = new StringBuilder("# written by ConnectionContract\n");
        sections.forEach((name, body) -> sb.append("\n[connections.").append(name).append("]\n").append(body));
        Path tmp = file.resolveSibling("secrets.toml.tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------")); // as secrets should be
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return this;
    }

    /** @return the configuration over this file, made on first call */
    Config config() {
        if (config == null) {
            source = open(file);
            config = new SmallRyeConfigBuilder().withSources(source).build();
        }
        return config;
    }

    /**
     * Waits until the configuration sees a value, that is until the watcher has read the file
     * again. Its listeners are told right after, on the watcher thread.
     */
    void awaitValue(String key, String value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!value.equals(config().getOptionalValue(key, String.class).orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The secrets file watcher did not pick up the new value of " + key
                        + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }

    private static SecretsConfigSource open(Path file) {
        synchronized (DISCOVERY) {
            String files = System.getProperty("secrets.files");
            String home = System.getProperty("user.home");
            String dir = System.getProperty("user.dir");
            try {
                System.setProperty("secrets.files", file.toString());
                // no ~/.streamlit or ./.streamlit of the machine running the tests
                System.setProperty("user.home", file.getParent().toString());
                System.setProperty("user.dir", file.getParent().toString());
                return new SecretsConfigSource(null);
            } finally {
                restore("secrets.files", files);
                restore("user.home", home);
                restore("user.dir", dir);
            }
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
