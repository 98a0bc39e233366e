package io.cdiconnections.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The secrets file outside the WAR that every test server reads through {@code -Dsecrets.files}
 * (it-src/on-disk/on-disk.toml); tests rewrite it whole while the application runs.
 */
public final class OnDiskSecrets {

    /** How long a server may take to see an edit: the watcher's polling, and Payara's Config cache. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private OnDiskSecrets() {
    }

    /**
     * Replaces the file at once (write aside, then move), as an editor or a Kubernetes secret
     * update does.
     *
     * @param marker           the value of {@code connections.ondisk.marker}
     * @param reloadedDatabase the H2 in-memory database of connection {@code reloaded}
     * @throws IOException when the file cannot be written
     */
    public static void write(String marker, String reloadedDatabase) throws IOException {
        Path file = Path.of(Objects.requireNonNull(System.getProperty("secrets.files"),
                "the server JVM was started without -Dsecrets.files"));
        String toml = "[connections.ondisk]\nmarker = \"" + marker + "\"\n\n"
                + "[connections.reloaded]\nurl = \"jdbc:h2:mem:" + reloadedDatabase + ";DB_CLOSE_DELAY=-1\"\n";
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(aside, toml, StandardCharsets.UTF_8);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Polls until {@code value} gives {@code expected} or {@link #PATIENCE} runs out.
     *
     * @param value    what to read
     * @param expected what it should become
     * @return the last value read
     * @throws InterruptedException when interrupted
     */
    public static String await(Supplier<String> value, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = value.get();
        }
        return last;
    }
}
