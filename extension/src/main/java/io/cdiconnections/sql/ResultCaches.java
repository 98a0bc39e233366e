package io.cdiconnections.sql;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.cdiconnections.internal.Telemetry;

/**
 * The result caches of one handle: the local one, made at once, and the shared one of the current
 * settings, made when a connect first asks for it and made again when the settings change (their
 * fingerprint with them), so a shared entry of an old configuration is never read. What they
 * report goes to the connection's current {@link Telemetry.Database}: evictions, shared-cache
 * failures and the bytes of the local cache.
 */
final class ResultCaches {

    private final String connection;
    private final QueryCache local;
    private final Supplier<Telemetry.Database> observed;
    /** The local cache's bytes, as the metrics read them: held here, as long as the cache, since they hold it weakly. */
    private final LongSupplier bytes;
    private volatile SharedResultCache shared;

    /**
     * @param connection the connection name, for messages
     * @param observed   what the connection's statements go to now
     */
    ResultCaches(String connection, Supplier<Telemetry.Database> observed) {
        this.connection = connection;
        this.observed = observed;
        this.local = new QueryCache(() -> observed.get().cacheEviction());
        this.bytes = local::weight;
    }

    /** @param database what the statements of a new connect go to: it reads the local cache's bytes from now on */
    void observe(Telemetry.Database database) {
        database.cacheBytes(bytes);
    }

    /**
     * @param settings the settings of the query's connect
     * @return where its result is cached
     */
    ResultCache of(SqlSettings settings) {
        CacheSettings c = settings.cache();
        if (!c.shared()) {
            return local;
        }
        SharedResultCache s = shared;
        if (s == null || !s.settings().equals(c)) {
            synchronized (this) {
                s = shared;
                if (s == null || !s.settings().equals(c)) {
                    s = new SharedResultCache(connection, c, () -> observed.get().cacheSharedFailure());
                    shared = s;
                }
            }
        }
        return s;
    }

    /** @return the cache in this JVM */
    QueryCache local() {
        return local;
    }

    /** @return the shared cache of the last settings that asked for one, or null */
    SharedResultCache shared() {
        return shared;
    }
}
