package io.cdiconnections.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.cdiconnections.config.SecretsLocation.Kind;

/** Test helpers: writing secrets files, building sources on them, waiting for a condition. */
final class Secrets {

    /** A watcher of the tests' own, so that sources of other tests do not keep it busy. */
    static final SecretsWatcher WATCHER = new SecretsWatcher(Duration.ofMillis(100), "test-secrets-watcher");

    private Secrets() {
    }

    /** A source on exactly these paths, as if each were listed in {@code secrets.files}. */
    static SecretsConfigSource source(Path... explicit) {
        return new SecretsConfigSource(Arrays.stream(explicit)
                .map(p -> SecretsLocation.of(Kind.EXPLICIT, p)).toList(), WATCHER);
    }

    /** A source on these locations. */
    static SecretsConfigSource source(List<SecretsLocation> locations) {
        return new SecretsConfigSource(locations, WATCHER);
    }

    /** Writes a file (creating its folders) readable by its owner only, as secrets should be. */
    static Path write(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, content);
        chmod(file, "rw-------");
        return file;
    }

    static void chmod(Path file, String permissions) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    /** Waits until the condition holds, failing after the deadline; polls, never sleeps long. */
    static void await(Duration deadline, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** An exception as a log would show it: message, stack trace and causes. */
    static String fullText(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return t + "\n" + text;
    }
}
