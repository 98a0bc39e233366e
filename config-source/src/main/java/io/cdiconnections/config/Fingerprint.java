package io.cdiconnections.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything the watched paths hold: names and contents, not modification times,
 * because two edits within a file system's timestamp granularity would look the same, and a
 * Kubernetes secret update swaps a symbolic link without touching the visible files' times.
 * Secrets files are small, so reading them a few times a second costs next to nothing.
 */
final class Fingerprint {

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    static Fingerprint of(List<Path> paths) {
        MessageDigest digest = sha256();
        for (Path path : paths) {
            add(digest, path);
        }
        return new Fingerprint(digest.digest());
    }

    private static void add(MessageDigest digest, Path path) {
        digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isDirectory(path)) {
            // depth 2 is what a secrets directory uses: folder/file
            try (Stream<Path> tree = Files.walk(path, 2, FileVisitOption.FOLLOW_LINKS)) {
                tree.filter(p -> !p.equals(path)).sorted().forEach(p -> addEntry(digest, p));
            } catch (IOException | RuntimeException e) {
                digest.update((byte) 2);
            }
        } else {
            addEntry(digest, path);
        }
    }

    private static void addEntry(MessageDigest digest, Path path) {
        digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(path)) {
            try {
                digest.update((byte) 1);
                digest.update(Files.readAllBytes(path));
            } catch (IOException e) {
                digest.update((byte) 3);
            }
        } else {
            digest.update(Files.exists(path) ? (byte) 4 : (byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}
