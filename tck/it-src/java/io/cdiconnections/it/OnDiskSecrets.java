package io.cdiconnections.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The secrets files outside the WAR that every test server reads through {@code -Dsecrets.files}
 * (it-src/on-disk/on-disk.toml and health.toml); tests rewrite them whole while the application runs.
 */
public final class OnDiskSecrets {

    /** How long a server may take to see an edit: the watcher's polling, and Payara's Config cache. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The file OnDiskSecretsIT and ConnectionResetIT edit. */
    public static final String FILE = "on-disk.toml";

    private OnDiskSecrets() {
    }

    /**
     * Replaces {@value #FILE} with connections {@code ondisk} and {@code reloaded}.
     *
     * @param marker           the value of {@code connections.ondisk.marker}
     * @param reloadedDatabase the H2 in-memory database of connection {@code reloaded}
     * @throws IOException when the file cannot be written
     */
    public static void write(String marker, String reloadedDatabase) throws IOException {
        replace(file(FILE), "[connections.ondisk]\nmarker = \"" + marker + "\"\n\n"
                + "[connections.reloaded]\nurl = \"jdbc:h2:mem:" + reloadedDatabase + ";DB_CLOSE_DELAY=-1\"\n");
    }

    /**
     * One of the files of {@code secrets.files}: in the server JVM, found among its entries; in
     * the test JVM (client-side tests), under {@code it.secretsDir}, where the build copies them.
     *
     * @param name the file's name, e.g. {@code on-disk.toml}
     * @return its path
     */
    public static Path file(String name) {
        String files = System.getProperty("secrets.files");
        if (files != null) {
            for (String entry : files.split(",")) {
                Path path = Path.of(entry.strip());
                if (path.getFileName() != null && path.getFileName().toString().equals(name)) {
                    return path;
                }
            }
        }
        String dir = System.getProperty("it.secretsDir");
        if (dir == null) {
            throw new IllegalStateException("Neither secrets.files (server JVM) nor it.secretsDir (test JVM) names "
                    + name + ": run the suite through Maven");
        }
        return Path.of(dir, name);
    }

    /**
     * Replaces a file at once (write aside, then move), as an editor or a Kubernetes secret
     * update does.
     *
     * @param file the file
     * @param toml its new content
     * @throws IOException when the file cannot be written
     */
    public static void replace(Path file, String toml) throws IOException {
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
