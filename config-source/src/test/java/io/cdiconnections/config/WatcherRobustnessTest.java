package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import io.cdiconnections.config.SecretsLocation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file system can present to the watcher: huge sparse files, FIFOs, folders by the
 * thousand, a watch that fails with an Error. None may hang startup, exhaust memory or stop the
 * watching of other files. Work is bounded by counts and sizes; the timeouts only catch hangs.
 */
class WatcherRobustnessTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aThreeGibSparseFileIsRefusedAsTooLargeAtStartupWithoutBeingRead() throws Exception {
        Path huge = sparse(tmp.resolve("secrets.toml"), 3L << 30);
        // before the size check moved in front of the fingerprint, this was "Required array size too large"
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> Secrets.source(huge))
                .isInstanceOf(SecretsException.class).hasMessageContaining("is too large: " + (3L << 30) + " bytes"));
    }

    @Test
    void aHugeFileSwappedInIsLoggedAndTheWatcherGoesOn() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            Path huge = sparse(tmp.resolve("huge.tmp"), 3L << 30);
            Files.move(huge, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Secrets.await(WITHIN, "the size error", () -> log.messages(Level.WARNING).stream()
                    .anyMatch(m -> m.contains("is too large")));
            assertThat(source.getValue("a")).isEqualTo("1");
            Secrets.write(file, "a = 2");
            Secrets.await(WITHIN, "the next edit", () -> "2".equals(source.getValue("a")));
        }
    }

    @Test
    void aFifoIsRefusedAtStartupNamingTheFileInsteadOfBlocking() throws Exception {
        Path fifo = mkfifo(tmp.resolve("secrets.toml"));
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> Secrets.source(fifo))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("Secrets file " + fifo + " is a FIFO (named pipe), not a regular file"));
    }

    @Test
    void aFifoSwappedInAtRunTimeDoesNotBlockTheWatcherForOtherSources() throws Exception {
        Path file = Secrets.write(tmp.resolve("one/secrets.toml"), "a = 1");
        Path other = Secrets.write(tmp.resolve("two/secrets.toml"), "b = 1");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file);
             SecretsConfigSource second = Secrets.source(other)) {
            Files.delete(file);
            mkfifo(file);
            Secrets.await(WITHIN, "the FIFO error", () -> log.messages(Level.WARNING).stream()
                    .anyMatch(m -> m.contains("is a FIFO (named pipe)")));
            Secrets.write(other, "b = 2");
            Secrets.await(WITHIN, "the other source's edit", () -> "2".equals(second.getValue("b")));
            assertThat(source.getValue("a")).isEqualTo("1");
            Files.delete(file);
            Secrets.write(file, "a = 3");
            Secrets.await(WITHIN, "the regular file again", () -> "3".equals(source.getValue("a")));
        }
    }

    @Test
    void aFifoInASecretsDirectoryIsRefusedNamingIt() throws Exception {
        Path directory = tmp.resolve("secrets");
        Secrets.write(directory.resolve("db/user"), "u");
        Path fifo = mkfifo(directory.resolve("db/password"));
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> Secrets.source(directory))
                .isInstanceOf(SecretsException.class).hasMessageContaining(fifo + " is a FIFO (named pipe)"));
    }

    @Test
    void aSecretsDirectoryWithTooManyEntriesIsRefusedAtTheDocumentedLimit() throws Exception {
        Path directory = tmp.resolve("secrets");
        for (int i = 0; i < SecretsDirectoryReader.MAX_ENTRIES; i++) {
            Files.createDirectories(directory.resolve("s" + i));
        }
        try (SecretsConfigSource source = Secrets.source(directory)) {
            assertThat(source.getProperties()).isEmpty();
        }
        Files.createDirectories(directory.resolve("one-too-many"));
        assertThatThrownBy(() -> Secrets.source(directory)).isInstanceOf(SecretsException.class)
                .hasMessage("Secrets directory " + directory + " holds more than 1000 entries (folders and files"
                        + " two levels deep, hidden ones included), and secrets directories are limited to 1000."
                        + " List only the folder that holds the secrets in secrets.files, not a folder above it.");
    }

    @Test
    void aSecretsDirectoryOverOneMebibyteInAllIsRefused() throws Exception {
        Path directory = tmp.resolve("secrets");
        byte[] quarter = new byte[SecretsLoader.MAX_FILE_BYTES / 4];
        Arrays.fill(quarter, (byte) 'x');
        for (int i = 0; i < 5; i++) {
            Secrets.write(directory.resolve("s" + i + "/value"), quarter);
        }
        assertThatThrownBy(() -> Secrets.source(directory)).isInstanceOf(SecretsException.class)
                .hasMessageContaining("Secrets directory " + directory + " is too large")
                .hasMessageContaining("limited to 1048576 bytes");
    }

    @Test
    void aWatchWhoseReloadThrowsAnErrorIsDroppedAndTheOthersStillReload() throws Exception {
        SecretsWatcher watcher = new SecretsWatcher(Duration.ofMillis(50), "error-test-watcher");
        Path failing = Secrets.write(tmp.resolve("one/secrets.toml"), "a = 1");
        Path healthy = Secrets.write(tmp.resolve("two/secrets.toml"), "b = 1");
        Object target = new Object();
        AtomicInteger failures = new AtomicInteger();
        try (LogCapture log = new LogCapture();
             AutoCloseable failingWatch = watcher.watch(target, t -> {
                 failures.incrementAndGet();
                 throw new NoClassDefFoundError("the application's class loader is gone");
             }, List.of(failing), Fingerprint.of(List.of(failing)));
             SecretsConfigSource source = new SecretsConfigSource(
                     List.of(SecretsLocation.of(Kind.EXPLICIT, healthy)), watcher)) {
            Secrets.write(failing, "a = 2");
            Secrets.await(WITHIN, "the failing reload", () -> failures.get() == 1);
            Secrets.write(healthy, "b = 2");
            Secrets.await(WITHIN, "the healthy source's edit", () -> "2".equals(source.getValue("b")));
            Secrets.write(failing, "a = 3");
            Secrets.write(healthy, "b = 3");
            Secrets.await(WITHIN, "the next edit", () -> "3".equals(source.getValue("b")));
            assertThat(failures).as("a dropped watch is not called again").hasValue(1);
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("Stopped watching secrets files [" + failing + "]", "NoClassDefFoundError");
        }
        assertThat(target).isNotNull();
    }

    @Test
    void aListenerFailingWithALinkageErrorIsDroppedAndTheOthersAreStillTold() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        AtomicInteger dead = new AtomicInteger();
        AtomicInteger alive = new AtomicInteger();
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            source.addChangeListener(event -> {
                dead.incrementAndGet();
                throw new NoClassDefFoundError("gone");
            });
            source.addChangeListener(event -> alive.incrementAndGet());
            Secrets.write(file, "a = 2");
            Secrets.await(WITHIN, "the first event", () -> alive.get() == 1);
            Secrets.write(file, "a = 3");
            Secrets.await(WITHIN, "the second event", () -> alive.get() == 2);
            assertThat(dead).hasValue(1);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("no longer told");
        }
    }

    private static Path sparse(Path file, long length) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write("a = 1\n".getBytes(StandardCharsets.UTF_8));
            raf.setLength(length);
        }
        return file;
    }

    private static Path mkfifo(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor()).isZero();
        return path;
    }
}
