package io.cdiconnections.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merged values of every secrets file at one moment. Immutable, so that the source can swap
 * a whole new snapshot in with one volatile write and a reader never sees half of each.
 *
 * <p>A class rather than a record only to keep the map it looks values up in apart from the
 * unmodifiable view it hands out: {@link #value} is every {@code getValue}, and goes to the map
 * without the view's indirection (docs/performance.md, row 8b).
 */
final class Snapshot {

    private final LinkedHashMap<String, String> lookup;
    private final Map<String, String> values;
    private final List<FileSummary> files;
    private final Map<String, String> origins;

    /**
     * One contributing file or directory.
     *
     * @param file how the user names it
     * @param keys how many keys it holds
     */
    record FileSummary(String file, int keys) {

        @Override
        public String toString() {
            return file + " (" + keys + " keys)";
        }
    }

    static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), Map.of());

    /**
     * @param values  the merged keys and values
     * @param files   the files that contributed, with their key counts, for {@code toString()}
     * @param origins for each key, the file its value came from, as the user names it
     */
    Snapshot(Map<String, String> values, List<FileSummary> files, Map<String, String> origins) {
        this.lookup = new LinkedHashMap<>(values);
        this.values = Collections.unmodifiableMap(lookup);
        this.files = List.copyOf(files);
        this.origins = Map.copyOf(origins);
    }

    /** @return the value of {@code key}, or null */
    String value(String key) {
        return lookup.get(key);
    }

    /** @return the merged keys and values, in the order the files gave them; unmodifiable */
    Map<String, String> values() {
        return values;
    }

    /** @return the files that contributed, with their key counts */
    List<FileSummary> files() {
        return files;
    }

    /** @return for each key, the file its value came from, as the user names it */
    Map<String, String> origins() {
        return origins;
    }

    /** The keys added, removed or given another value in {@code next}. */
    Set<String> changedKeys(Snapshot next) {
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!Objects.equals(entry.getValue(), next.values.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        for (String key : next.values.keySet()) {
            if (!values.containsKey(key)) {
                changed.add(key);
            }
        }
        return changed;
    }

    @Override
    public String toString() {
        return files + ", " + values.size() + " keys";
    }
}
