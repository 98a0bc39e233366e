package io.cdiconnections.sql;

import java.time.Duration;

/**
 * Where {@link JdbcQueries#query} keeps results for their ttl: in this JVM ({@link QueryCache},
 * Caffeine, the default) or in a cache every instance shares ({@link SharedResultCache},
 * {@code cache = "jcache"}). {@link ResultCaches} picks one from the connection's settings.
 */
interface ResultCache {

    /**
     * @param key what makes the query the same
     * @return the cached result, or null
     */
    Table get(QueryCache.Key key);

    /**
     * @param key      what makes the query the same
     * @param table    the result
     * @param ttl      how long to keep it
     * @param maxBytes the connection's bound on the estimated bytes of its results in this JVM
     */
    void put(QueryCache.Key key, Table table, Duration ttl, long maxBytes);
}
