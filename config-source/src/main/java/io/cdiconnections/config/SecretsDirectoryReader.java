package io.cdiconnections.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a secrets directory laid out as Kubernetes mounts secrets, with Streamlit's rules: each
 * sub-folder is a key, each file in it a sub-key whose value is the file's text with surrounding
 * whitespace removed, and a folder holding exactly one file collapses to that file's value.
 * Folders below the sub-folders are ignored. Unlike Streamlit, hidden entries (Kubernetes'
 * {@code ..data} and timestamped folders, {@code .DS_Store}) are skipped rather than read.
 */
final class SecretsDirectoryReader {

    private SecretsDirectoryReader() {
    }

    /**
     * Reads every secret of the directory.
     *
     * @throws SecretsException when the directory holds a plain file, or a file cannot be read
     */
    static Flattened read(Path directory) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> leaves = new HashSet<>();
        for (Path folder : visibleEntries(directory)) {
            if (!Files.isDirectory(folder)) {
                throw new SecretsException(
                        Messages.notAFolder(directory.toString(), folder.getFileName().toString()),
                        directory.toString(), 0, 0);
            }
            String key = Keys.child(null, folder.getFileName().toString());
            List<Path> files = visibleEntries(folder).stream().filter(Files::isRegularFile).toList();
            if (files.size() == 1) {
                values.put(key, text(files.get(0)));
                leaves.add(key);
            }
            for (Path file : files.size() == 1 ? List.<Path>of() : files) {
                String subKey = Keys.child(key, file.getFileName().toString());
                values.put(subKey, text(file));
                leaves.add(subKey);
            }
        }
        return new Flattened(values, leaves);
    }

    /** The non-hidden entries of a folder, sorted so that keys come out in a stable order. */
    static List<Path> visibleEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw SecretsLoader.unreadable(folder, e);
        }
    }

    private static String text(Path file) {
        try {
            return Utf8.decode(Files.readAllBytes(file), file.toString()).strip();
        } catch (IOException e) {
            throw SecretsLoader.unreadable(file, e);
        }
    }
}
