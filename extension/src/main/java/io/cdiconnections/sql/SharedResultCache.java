package io.cdiconnections.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cdiconnections.internal.SharedCache;

/**
 * Results in a cache every instance shares ({@code cache = "jcache"}), as bytes: each entry is its
 * expiry (epoch milliseconds, the writer's clock plus the query's ttl, checked on read) and the
 * table in {@link TableFormat}. A key is the connection's fingerprint and a SHA-256 of the SQL, the
 * row limit and the parameters with their types, so another configuration never reads the entry.
 *
 * <p>The grid never fails a query: a cache that cannot be opened or throws makes the query run on
 * the database (logged once, counted by {@link #failures()}, tried again after {@link #RETRY}); an
 * entry this release cannot read, or a result with a value outside the format, is simply not shared.
 */
final class SharedResultCache implements ResultCache {

    /** Logged under SQLConnection's name: the logger users configure. */
    private static final System.Logger LOG = System.getLogger(SQLConnection.class.getName());
    /** How long after a failure the cache is left alone before it is opened again. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final String connection;
    private final CacheSettings settings;
    private volatile SharedCache store;
    private volatile long closedUntil = System.nanoTime();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicBoolean warnedUnreadable = new AtomicBoolean();

    /** Told at each failure (for the metric). */
    private final Runnable onFailure;

    /**
     * @param connection the connection name, for messages
     * @param settings   where the shared cache is
     * @param onFailure  told each time the cache fails and a query goes to the database instead
     */
    SharedResultCache(String connection, CacheSettings settings, Runnable onFailure) {
        this.connection = connection;
        this.settings = settings;
        this.onFailure = onFailure;
    }

    CacheSettings settings() {
        return settings;
    }

    /** @return how many times the shared cache failed and a query went to the database instead */
    long failures() {
        return failures.get();
    }

    @Override
    public Table get(QueryCache.Key key) {
        String k = key(key);
        SharedCache s = k == null ? null : store();
        if (s == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = s.get(k);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return null;
        }
        if (bytes == null || bytes.length < Long.BYTES
                || ByteBuffer.wrap(bytes).getLong() <= System.currentTimeMillis()) {
            return null;
        }
        try {
            return TableDecoder.decode(bytes, Long.BYTES);
        } catch (TableFormatException e) {
            if (warnedUnreadable.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, CacheMessages.sharedEntryUnreadable(connection, settings.name(),
                        e.getMessage()));
            }
            return null;
        }
    }

    @Override
    public void put(QueryCache.Key key, Table table, Duration ttl, long maxBytes) {
        String k = key(key);
        SharedCache s = k == null ? null : store();
        if (s == null) {
            return;
        }
        byte[] encoded;
        try {
            encoded = TableEncoder.encode(table);
        } catch (TableEncoder.Unencodable e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Connection '" + connection + "': a result holding a "
                    + e.getMessage() + " is not shared, only values of the types in docs/clustering.md are");
            return;
        }
        long expires = System.currentTimeMillis() + ttl.toMillis();
        byte[] entry = ByteBuffer.allocate(Long.BYTES + encoded.length).putLong(expires).put(encoded).array();
        try {
            s.put(k, entry);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    private SharedCache store() {
        SharedCache s = store;
        if (s != null || System.nanoTime() - closedUntil < 0) {
            return s;
        }
        synchronized (this) {
            if (store == null && System.nanoTime() - closedUntil >= 0) {
                try {
                    store = SharedCache.open(settings.provider(), settings.uri(), settings.name());
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                }
            }
            return store;
        }
    }

    private void failed(Throwable e) {
        failures.incrementAndGet();
        onFailure.run();
        store = null;
        closedUntil = System.nanoTime() + RETRY.toNanos();
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, CacheMessages.sharedCacheFailed(connection, settings.toString(),
                    withRootCause(e)));
        }
    }

    /** A provider's failure often wraps the reason ("Error opening URI" around a bad configuration): both are shown. */
    private static String withRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + ", caused by " + root;
    }

    /** @return the entry's key, or null when a parameter's type is outside the format (the result is then not shared) */
    String key(QueryCache.Key key) {
        TableEncoder e = new TableEncoder(64 + key.sql().length());
        try {
            e.string(key.sql());
            e.varint(key.maxRows());
            for (Map.Entry<String, Object> p : new TreeMap<>(key.params()).entrySet()) {
                e.string(p.getKey());
                typed(e, p.getValue());
            }
        } catch (TableEncoder.Unencodable unencodable) {
            return null;
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(e.bytes());
            return settings.fingerprint() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** A parameter as {@link QueryCache.Key} holds it: its class name and value, or a list of them. */
    private static void typed(TableEncoder e, Object value) throws IOException, TableEncoder.Unencodable {
        if (value instanceof QueryCache.Typed t) {
            e.string(t.type().getName());
            e.value(t.value() instanceof Enum<?> en ? en.name() : Values.toJdbc(t.value()));
        } else if (value instanceof java.util.List<?> many) {
            e.string("list");
            e.varint(many.size());
            for (Object each : many) {
                typed(e, each);
            }
        } else {
            e.value(value);
        }
    }

    @Override
    public String toString() {
        return "SharedResultCache[" + connection + ", " + settings + ", failures=" + failures + "]";
    }
}
