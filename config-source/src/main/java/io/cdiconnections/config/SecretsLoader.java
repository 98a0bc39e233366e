package io.cdiconnections.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import io.cdiconnections.config.SecretsLocation.Kind;

/**
 * Reads every location and merges them into one {@link Snapshot}: later locations override
 * earlier ones key by key, as MicroProfile Config merges sources (not Streamlit's shallow merge
 * where a later {@code [connections]} table replaces the earlier one whole).
 */
final class SecretsLoader {

    /** The MicroProfile Config key that sets a source's ordinal. */
    static final String ORDINAL_KEY = "config_ordinal";

    /**
     * The largest secrets file read: 1 MiB, Kubernetes' own limit for a Secret. tomlj builds a
     * parse tree of about 80 bytes per input byte and needs close to a second per MiB of dense
     * tables, so a bigger file would cost seconds and gigabytes at every start and reload.
     */
    static final int MAX_FILE_BYTES = 1 << 20;

    private final List<SecretsLocation> locations;
    private final TomlParser parser = new TomlParser();

    SecretsLoader(List<SecretsLocation> locations) {
        this.locations = List.copyOf(locations);
    }

    List<SecretsLocation> locations() {
        return locations;
    }

    /**
     * Reads all locations now.
     *
     * @throws SecretsException for the first location that cannot be used
     */
    Snapshot load() {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        List<Snapshot.FileSummary> files = new ArrayList<>();
        for (SecretsLocation location : locations) {
            Optional<Flattened> content = read(location);
            if (content.isPresent()) {
                merge(merged, content.get());
                content.get().values().keySet().forEach(key -> origins.put(key, location.describe()));
                files.add(new Snapshot.FileSummary(location.describe(), content.get().values().size()));
            }
        }
        origins.keySet().retainAll(merged.keySet());
        return new Snapshot(merged, files, origins);
    }

    /**
     * A key the later file sets replaces what the earlier files had at or below it; found in a
     * sorted copy of the keys, so that merging costs the keys replaced, not every key for every leaf.
     */
    private static void merge(Map<String, String> merged, Flattened content) {
        NavigableMap<String, String> sorted = new TreeMap<>(merged);
        for (String leaf : content.leaves()) {
            if (sorted.remove(leaf) != null) {
                merged.remove(leaf);
            }
            for (NavigableMap<String, String> below : Keys.below(sorted, leaf)) {
                merged.keySet().removeAll(below.keySet());
                below.clear();
            }
        }
        merged.putAll(content.values());
    }

    private Optional<Flattened> read(SecretsLocation location) {
        Path path = location.path();
        if (path == null) {
            return Optional.of(toml(resourceBytes(location), location.describe()));
        }
        if (!Files.exists(path)) {
            if (location.kind() == Kind.EXPLICIT) {
                throw new SecretsException(Messages.missing(path.toString()), path.toString(), 0, 0);
            }
            return Optional.empty();
        }
        if (location.kind() == Kind.EXPLICIT && Files.isDirectory(path)) {
            PermissionsCheck.checkDirectory(path);
            return Optional.of(SecretsDirectoryReader.read(path));
        }
        if (location.kind() != Kind.CLASSPATH) {
            PermissionsCheck.checkFile(path);
        }
        return Optional.of(toml(fileBytes(path), path.toString()));
    }

    private Flattened toml(byte[] bytes, String file) {
        Flattened flattened = TomlFlattener.flatten(parser.parse(bytes, file), file);
        String ordinal = flattened.values().get(ORDINAL_KEY);
        if (ordinal != null && !isInteger(ordinal)) {
            throw new SecretsException(Messages.badOrdinal(file), file, 0, 0);
        }
        return flattened;
    }

    private static boolean isInteger(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The bytes of a file, read only when it is a regular file within {@link #MAX_FILE_BYTES}:
     * opening a FIFO would block until some writer appears, a device never ends.
     */
    static byte[] fileBytes(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw notRegular(path, attributes);
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                throw tooLarge(path.toString(), attributes.size());
            }
            try (InputStream in = Files.newInputStream(path)) {
                return limited(in, path.toString());
            }
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** Reads at most one byte past the limit, so that a file growing while read is caught too. */
    private static byte[] limited(InputStream in, String file) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file, bytes.length);
        }
        return bytes;
    }

    private static SecretsException notRegular(Path path, BasicFileAttributes attributes) {
        return new SecretsException(Messages.notRegularFile(path.toString(), FileKind.of(path, attributes)),
                path.toString(), 0, 0);
    }

    private static SecretsException tooLarge(String file, long size) {
        return new SecretsException(Messages.tooLarge(file, size, MAX_FILE_BYTES), file, 0, 0);
    }

    private static byte[] resourceBytes(SecretsLocation location) {
        try {
            URLConnection connection = location.resource().openConnection();
            // a cached jar connection would keep the WAR's jar open after undeployment
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return limited(in, location.describe());
            }
        } catch (IOException e) {
            throw new SecretsException(Messages.unreadable(location.describe(), reason(e)),
                    location.describe(), e);
        }
    }


    /** The failure of a read, reported with the cause's kind (its message is only a path). */
    static SecretsException unreadable(Path path, IOException e) {
        return new SecretsException(Messages.unreadable(path.toString(), reason(e)), path.toString(), e);
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
