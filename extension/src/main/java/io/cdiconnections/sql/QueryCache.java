package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Query results kept for their ttl. A key holds the pool the result was read from, so a result
 * is never served from a pool that was retired (reset, connection ttl, secrets change): the
 * retired pool's entries are dropped, and one put by a query still in flight at retirement is
 * unreachable from the new pool and expires.
 */
final class QueryCache implements ResultCache {

    /** How many results one connection keeps at most, least recently used dropped first. */
    static final int MAX_ENTRIES = 1_000;
    /** How many bytes of results (estimated) one connection keeps at most, by default: 32 MiB. */
    static final long DEFAULT_MAX_BYTES = 32L << 20;

    /**
     * What makes two queries the same: the pool, the SQL, the limits and the parameter values
     * with their types. The types count because {@code equals} alone says a {@code java.util.Date}
     * equals a {@code Timestamp} of the same millisecond (and not the other way round), though the
     * driver binds them differently and they may select different rows.
     */
    record Key(Object pool, String sql, Map<String, Object> params, int maxRows) {
        Key {
            if (!params.isEmpty()) {
                Map<String, Object> typed = new java.util.HashMap<>(params.size() * 2);
                params.forEach((name, value) -> typed.put(name, typed(value)));
                params = typed;
            }
        }

        private static Object typed(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof java.util.Collection<?> many) {
                return many.stream().map(Key::typed).toList();
            }
            return new Typed(value.getClass(), value);
        }

        /** @return the key's estimated size: its SQL and every parameter's name and value, which it holds as long as the result */
        long estimatedBytes() {
            long bytes = 64 + 2L * sql.length();
            for (Map.Entry<String, Object> p : params.entrySet()) {
                bytes += 48 + 2L * p.getKey().length() + Values.estimatedBytes(p.getValue());
            }
            return bytes;
        }
    }

    /** A parameter value and its class. */
    record Typed(Class<?> type, Object value) {
    }

    /** A result, its ttl and its weight: its estimated bytes, at least a thousandth of the bound. */
    private record Entry(Table table, long ttlNanos, int weight) {
    }

    /**
     * Made on the first result kept: a Caffeine cache with expiry costs about 5 KB, and most
     * handles never cache a result (an idle handle must stay under 2 KB, docs/performance.md).
     */
    private volatile Cache<Key, Entry> cache;

    /** Told when a result leaves the cache for room, before its ttl (for the eviction metric). */
    private final Runnable onEviction;

    QueryCache() {
        this(() -> { });
    }

    /** @param onEviction told when a result leaves the cache for room, before its ttl */
    QueryCache(Runnable onEviction) {
        this.onEviction = onEviction;
    }

    /** The bound the cache was made with or last set to. */
    private volatile long maxBytes;

    /**
     * Bounded by estimated bytes; as no entry weighs less than a thousandth of the bound, by
     * {@link #MAX_ENTRIES} entries too.
     */
    private Cache<Key, Entry> newCache(long maxBytes) {
        return Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .evictionListener((Key key, Entry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        onEviction.run();
                    }
                })
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry value, long currentTime) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry value, long currentTime, long currentDuration) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Table get(Key key) {
        Cache<Key, Entry> c = cache;
        if (c == null) {
            return null;
        }
        Entry e = c.getIfPresent(key);
        return e == null ? null : e.table();
    }

    /**
     * Keeps a result for its ttl, unless it alone is larger than the bound.
     *
     * @param key      what makes the query the same
     * @param table    the result
     * @param ttl      how long to keep it
     * @param maxBytes the connection's bound on the bytes of all its results
     */
    @Override
    public void put(Key key, Table table, Duration ttl, long maxBytes) {
        long bytes = table.estimatedBytes() + key.estimatedBytes();
        if (bytes > maxBytes) {
            return; // would evict everything else and then itself
        }
        int weight = (int) Math.min(Integer.MAX_VALUE, Math.max(bytes, maxBytes / MAX_ENTRIES));
        Cache<Key, Entry> c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = newCache(maxBytes);
                    this.maxBytes = maxBytes;
                    cache = c;
                }
            }
        }
        if (this.maxBytes != maxBytes) { // the connection's secrets changed the bound
            this.maxBytes = maxBytes;
            c.policy().eviction().ifPresent(e -> e.setMaximum(maxBytes));
        }
        c.put(key, new Entry(table, ttl.toNanos(), weight));
    }

    /** @return the estimated bytes (weights) of the results cached now, for the metrics and tests */
    long weight() {
        Cache<Key, Entry> c = cache;
        if (c == null) {
            return 0;
        }
        c.cleanUp();
        return c.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** Drops every result read from {@code pool}. */
    void dropAll(Object pool) {
        Cache<Key, Entry> c = cache;
        if (c == null) {
            return;
        }
        c.asMap().keySet().removeIf(k -> k.pool() == pool);
    }

    /** @return how many results are cached now (for tests) */
    long size() {
        Cache<Key, Entry> c = cache;
        if (c == null) {
            return 0;
        }
        c.cleanUp();
        return c.estimatedSize();
    }
}
