package io.cdiconnections.internal.registry;

import java.util.concurrent.ConcurrentHashMap;

import io.cdiconnections.BaseConnection;

/**
 * The hot path of {@code get(name, type)}: the exact arguments of a call to the shared handle
 * they gave, held as weakly as the cache holds it. On a warm key a call is one map lookup. Only
 * a shortcut: a miss goes through resolution, and the entries are dropped whenever a name may
 * resolve otherwise (secrets changed).
 */
final class FastLookups {

    private final ConcurrentHashMap<String, Entry> byName = new ConcurrentHashMap<>();

    /**
     * @param name the name as written
     * @param type the expected class, or null
     * @return the live handle those arguments gave, or null
     */
    BaseConnection<?> get(String name, Class<?> type) {
        for (Entry e = byName.get(name); e != null; e = e.next) {
            if (e.type == type) {
                BaseConnection<?> h = e.ref.get();
                return h != null && !h.isClosed() ? h : null;
            }
        }
        return null;
    }

    /**
     * @param name the name as written
     * @param type the expected class, or null
     * @param ref  how the cache holds the handle they gave
     */
    void remember(String name, Class<?> type, ConnectionGroup.HandleRef ref) {
        byName.compute(name, (k, old) -> Entry.with(old, type, ref));
    }

    /** Drops the entries of handles that were garbage-collected. */
    void prune() {
        for (String name : byName.keySet()) {
            byName.computeIfPresent(name, (k, e) -> Entry.live(e));
        }
    }

    void clear() {
        byName.clear();
    }

    /** The handle one exact {@code get(name, type)} gave; a list per name. */
    private static final class Entry {
        final Class<?> type;
        final ConnectionGroup.HandleRef ref;
        final Entry next;

        Entry(Class<?> type, ConnectionGroup.HandleRef ref, Entry next) {
            this.type = type;
            this.ref = ref;
            this.next = next;
        }

        static Entry with(Entry list, Class<?> type, ConnectionGroup.HandleRef ref) {
            Entry rest = null;
            for (Entry e = list; e != null; e = e.next) {
                if (e.type != type && e.ref.get() != null) {
                    rest = new Entry(e.type, e.ref, rest);
                }
            }
            return new Entry(type, ref, rest);
        }

        static Entry live(Entry list) {
            Entry rest = null;
            for (Entry e = list; e != null; e = e.next) {
                if (e.ref.get() != null) {
                    rest = new Entry(e.type, e.ref, rest);
                }
            }
            return rest;
        }
    }
}
