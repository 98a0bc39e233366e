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
 * @param values the merged keys and values
 * @param files   the files that contributed, with their key counts, for {@code toString()}
 * @param origins for each key, the file its value came from, as the user names it
 */
record Snapshot(Map<String, String> values, List<FileSummary> files, Map<String, String> origins) {

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

    Snapshot {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        files = List.copyOf(files);
        origins = Map.copyOf(origins);
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
