package io.cdiconnections.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * A digest of what the watched paths hold: for each file its type, size, modification time and
 * file key (the inode), and the content of each regular file within the size limit. Contents
 * count because two edits within a file system's timestamp granularity look the same otherwise;
 * attributes count because a file over the limit, a FIFO or a device is never opened. The work
 * is bounded as reading is: files over {@link SecretsLoader#MAX_FILE_BYTES} are not read, and a
 * secrets directory is listed only up to {@link SecretsDirectoryReader#MAX_ENTRIES} entries and
 * hashed up to {@link SecretsDirectoryReader#MAX_BYTES}; past that the problem's message is
 * digested instead, the same one reading reports.
 */
final class Fingerprint {

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    static Fingerprint of(List<Path> paths) {
        MessageDigest digest = sha256();
        for (Path path : paths) {
            update(digest, path.toString());
            try {
                BasicFileAttributes attributes = attributes(path);
                if (attributes != null && attributes.isDirectory()) {
                    directory(digest, path);
                } else {
                    entry(digest, path, attributes, null);
                }
            } catch (SecretsException e) {
                // the fingerprint changes when the problem does, and never holds a value
                update(digest, e.getMessage());
            }
        }
        return new Fingerprint(digest.digest());
    }

    /** What a secrets directory reader reads: two levels, visible entries, within its budget. */
    private static void directory(MessageDigest digest, Path directory) {
        SecretsDirectoryReader.Budget budget = new SecretsDirectoryReader.Budget(directory);
        for (Path folder : SecretsDirectoryReader.visibleEntries(directory, budget)) {
            BasicFileAttributes attributes = attributes(folder);
            if (attributes != null && attributes.isDirectory()) {
                update(digest, folder.toString());
                for (Path file : SecretsDirectoryReader.files(folder, budget)) {
                    entry(digest, file, attributes(file), budget);
                }
            } else {
                entry(digest, folder, attributes, budget);
            }
        }
    }

    private static void entry(MessageDigest digest, Path path, BasicFileAttributes attributes,
                              SecretsDirectoryReader.Budget budget) {
        update(digest, path.toString());
        if (attributes == null) {
            digest.update((byte) 0);
            return;
        }
        digest.update(attributes.isRegularFile() ? (byte) 1 : attributes.isDirectory() ? (byte) 2 : (byte) 3);
        update(digest, attributes.size() + "/" + attributes.lastModifiedTime() + "/" + attributes.fileKey());
        if (attributes.isRegularFile() && attributes.size() <= SecretsLoader.MAX_FILE_BYTES) {
            try (InputStream in = Files.newInputStream(path)) {
                byte[] content = in.readNBytes(SecretsLoader.MAX_FILE_BYTES + 1);
                if (budget != null) {
                    budget.countBytes(content.length);
                }
                digest.update(content);
            } catch (IOException e) {
                digest.update((byte) 4);
            }
        }
    }

    /** The attributes through links, or null when nothing (or a dangling link) is there. */
    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
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
