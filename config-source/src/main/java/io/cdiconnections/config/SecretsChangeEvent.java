package io.cdiconnections.config;

import java.util.Set;

/**
 * What changed in a {@link SecretsConfigSource}: the flattened keys that were added, removed or
 * given another value. Holds keys only, never values.
 *
 * @param changedKeys the flattened keys (such as {@code connections.sql.password}) that changed;
 *                    unmodifiable, never empty
 */
public record SecretsChangeEvent(Set<String> changedKeys) {

    /**
     * Copies the key set so that the event cannot change after it was sent.
     *
     * @param changedKeys the changed keys
     */
    public SecretsChangeEvent {
        changedKeys = Set.copyOf(changedKeys);
    }

    /**
     * Whether a key at or below {@code prefix} changed: {@code affects("connections.sql")} is
     * true when {@code connections.sql.host} or {@code connections.sql.query.charset} changed,
     * and false when only {@code connections.sqlite.host} did.
     *
     * @param prefix a flattened key prefix, without a trailing dot
     * @return true when the prefix itself or a key below it changed
     */
    public boolean affects(String prefix) {
        for (String key : changedKeys) {
            if (Keys.isAtOrBelow(key, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Lists the changed keys; an event never holds values. */
    @Override
    public String toString() {
        return "SecretsChangeEvent" + changedKeys;
    }
}
