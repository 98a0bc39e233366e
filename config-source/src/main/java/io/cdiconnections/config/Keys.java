package io.cdiconnections.config;

import java.util.List;
import java.util.NavigableMap;

/**
 * How flattened keys are spelt: dotted segments, a segment holding a dot (or nothing) in double
 * quotes as SmallRye Config reads it, array elements as {@code key[i]}.
 */
final class Keys {

    private Keys() {
    }

    /** The key of {@code segment} below {@code parent}; a null parent means the root. */
    static String child(String parent, String segment) {
        String quoted = segment.isEmpty() || segment.indexOf('.') >= 0 ? '"' + segment + '"' : segment;
        return parent == null ? quoted : parent + '.' + quoted;
    }

    /** The key of element {@code index} of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + '[' + index + ']';
    }

    /** Whether {@code key} is {@code prefix} itself or a key inside the table or array there. */
    static boolean isAtOrBelow(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        if (key.length() == prefix.length()) {
            return true;
        }
        char next = key.charAt(prefix.length());
        return next == '.' || next == '[';
    }

    /**
     * The entries of a sorted map strictly below {@code prefix} (what {@link #isAtOrBelow} takes,
     * but the prefix itself): the keys after {@code prefix.} and after {@code prefix[}, as two
     * ranges of the map, so that finding them costs the entries found, not the map's size.
     *
     * @param keys   the map, sorted by key
     * @param prefix a key
     * @param <V>    its values
     * @return views of the two ranges; removing from them removes from the map
     */
    static <V> List<NavigableMap<String, V>> below(NavigableMap<String, V> keys, String prefix) {
        // a string starting with p lies in [p, p with its last character the next one)
        return List.of(keys.subMap(prefix + '.', true, prefix + '/', false),
                keys.subMap(prefix + '[', true, prefix + '\\', false));
    }
}
