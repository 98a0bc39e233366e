package io.cdiconnections.sql;

/**
 * The result caches of one handle: the local one, made at once, and the shared one of the current
 * settings, made when a connect first asks for it and made again when the settings change (their
 * fingerprint with them), so a shared entry of an old configuration is never read.
 */
final class ResultCaches {

    private final String connection;
    private final QueryCache local;
    private volatile SharedResultCache shared;

    /**
     * @param connection the connection name, for messages
     * @param onEviction told when a local result leaves for room, before its ttl
     */
    ResultCaches(String connection, Runnable onEviction) {
        this.connection = connection;
        this.local = new QueryCache(onEviction);
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
                    s = new SharedResultCache(connection, c);
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
