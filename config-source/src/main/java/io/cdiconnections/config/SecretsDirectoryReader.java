package io.cdiconnections.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a secrets directory laid out as Kubernetes mounts secrets, with Streamlit's rules: each
 * sub-folder is a key, each file in it a sub-key whose value is the file's text with surrounding
 * whitespace removed, and a folder holding exactly one file collapses to that file's value.
 * Folders below the sub-folders are ignored. Unlike Streamlit, hidden entries (Kubernetes'
 * {@code ..data} and timestamped folders, {@code .DS_Store}) are skipped rather than read.
 *
 * <p>Bounded like a file: at most {@link #MAX_ENTRIES} entries two levels deep and
 * {@link #MAX_BYTES} in all, so that listing a folder with thousands of sub-folders by mistake
 * fails at once instead of costing seconds at startup and CPU at every poll.
 */
final class SecretsDirectoryReader {

    /** The most entries (folders and files, hidden ones included) a secrets directory may hold. */
    static final int MAX_ENTRIES = 1000;
    /** The most bytes the files of a secrets directory may hold together: a Kubernetes Secret's. */
    static final int MAX_BYTES = SecretsLoader.MAX_FILE_BYTES;

    private SecretsDirectoryReader() {
    }

    /**
     * Reads every secret of the directory.
     *
     * @throws SecretsException when the directory holds a plain file, a FIFO or device, too many
     *                          entries or bytes, or a file cannot be read
     */
    static Flattened read(Path directory) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Path> entries = new HashMap<>();
        Set<String> leaves = new HashSet<>();
        Budget budget = new Budget(directory);
        for (Path folder : visibleEntries(directory, budget)) {
            if (!Files.isDirectory(folder)) {
                throw new SecretsException(
                        Messages.notAFolder(directory.toString(), folder.getFileName().toString()),
                        directory.toString(), 0, 0);
            }
            String key = Keys.child(null, folder.getFileName().toString());
            List<Path> files = files(folder, budget);
            if (files.size() == 1) {
                put(directory, entries, key, files.get(0));
                values.put(key, text(files.get(0), budget));
                leaves.add(key);
            }
            for (Path file : files.size() == 1 ? List.<Path>of() : files) {
                String subKey = Keys.child(key, file.getFileName().toString());
                put(directory, entries, subKey, file);
                values.put(subKey, text(file, budget));
                leaves.add(subKey);
            }
        }
        return new Flattened(values, leaves);
    }

    /**
     * Two entries whose names spell one key (a folder named {@code "a} holding {@code b"}, and a
     * folder {@code a.b}) would hide one another: an error naming both.
     */
    private static void put(Path directory, Map<String, Path> entries, String key, Path entry) {
        Path earlier = entries.putIfAbsent(key, entry);
        if (earlier != null) {
            throw new SecretsException(Messages.directoryCollision(directory.toString(),
                    directory.relativize(earlier).toString(), directory.relativize(entry).toString(), key),
                    directory.toString(), 0, 0);
        }
    }

    /**
     * The files of one secret's folder: its visible entries except folders, which Streamlit
     * ignores. Anything else that is not a regular file (a FIFO, a device) is refused when read;
     * a dangling link is skipped, as a half-swapped Kubernetes volume may show one.
     */
    static List<Path> files(Path folder, Budget budget) {
        List<Path> files = new ArrayList<>();
        for (Path entry : visibleEntries(folder, budget)) {
            if (!Files.isDirectory(entry) && Files.exists(entry)) {
                files.add(entry);
            }
        }
        return files;
    }

    /** The non-hidden entries of a folder, sorted, counted against the directory's budget. */
    static List<Path> visibleEntries(Path folder, Budget budget) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                budget.countEntry();
                if (!entry.getFileName().toString().startsWith(".")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw SecretsLoader.unreadable(folder, e);
        }
        Collections.sort(entries);
        return entries;
    }

    private static String text(Path file, Budget budget) {
        byte[] bytes = SecretsLoader.fileBytes(file);
        budget.countBytes(bytes.length);
        return Utf8.decode(bytes, file.toString()).strip();
    }

    /** What reading (or fingerprinting) one secrets directory has used so far. */
    static final class Budget {
        private final Path directory;
        private int entries;
        private long bytes;

        Budget(Path directory) {
            this.directory = directory;
        }

        /** @throws SecretsException when the directory holds more than {@link #MAX_ENTRIES} entries */
        void countEntry() {
            if (++entries > MAX_ENTRIES) {
                throw new SecretsException(Messages.tooManyEntries(directory.toString(), MAX_ENTRIES),
                        directory.toString(), 0, 0);
            }
        }

        /** @throws SecretsException when the files hold more than {@link #MAX_BYTES} together */
        void countBytes(long size) {
            bytes += size;
            if (bytes > MAX_BYTES) {
                throw new SecretsException(Messages.directoryTooLarge(directory.toString(), bytes, MAX_BYTES),
                        directory.toString(), 0, 0);
            }
        }
    }
}
