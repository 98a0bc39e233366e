package io.cdiconnections.internal;

import java.util.ServiceLoader;

/**
 * A cache every instance of an application shares, holding bytes by string key: what the result
 * cache of a connection with {@code cache = "jcache"} stores its encoded tables in. The API
 * packages call it; {@code io.cdiconnections.internal.jcache} implements it over JCache
 * (JSR-107), found through {@link Source} only when {@code javax.cache} is on the class path.
 * Any method may throw when the grid is down: the caller then runs the query.
 */
public interface SharedCache {

    /**
     * @param key the entry's key
     * @return its bytes, or null when absent
     */
    byte[] get(String key);

    /**
     * @param key   the entry's key
     * @param value its bytes, kept no longer than the cache's own expiry
     */
    void put(String key, byte[] value);

    /** Makes a {@link SharedCache}: the {@link ServiceLoader} service of {@code internal.jcache}. */
    interface Source {
        /**
         * @param provider the JCache {@code CachingProvider} class name, or null for the only one present
         * @param uri      the cache manager URI, or null for the provider's default
         * @param name     the cache name; made when absent
         * @param loader   the class loader to find the provider with
         * @return the cache
         */
        SharedCache open(String provider, String uri, String name, ClassLoader loader);
    }

    /** The API class that JCache providers implement: without it nothing of {@code internal.jcache} is loaded. */
    String API_CLASS = "javax.cache.Caching";

    /**
     * @param provider the JCache provider class name, or null
     * @param uri      the cache manager URI, or null
     * @param name     the cache name
     * @return the cache
     * @throws IllegalStateException when the JCache API or our implementation over it is absent
     */
    static SharedCache open(String provider, String uri, String name) {
        ClassLoader ours = SharedCache.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(API_CLASS, false, ours);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(API_CLASS);
        }
        for (Source source : ServiceLoader.load(Source.class, ours)) {
            return source.open(provider, uri, name, context != null ? context : ours);
        }
        throw new IllegalStateException(Source.class.getName());
    }
}
