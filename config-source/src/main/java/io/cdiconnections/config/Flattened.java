package io.cdiconnections.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The flattened content of one secrets file or directory.
 *
 * @param values the flattened keys and their values, in file order
 * @param leaves the keys that hold a value or an array in this file: a later file that sets
 *               one of them replaces everything an earlier file had at or below it, so that a
 *               shorter array does not keep the tail of a longer one
 */
record Flattened(Map<String, String> values, Set<String> leaves) {

    Flattened {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        leaves = Set.copyOf(leaves);
    }
}
