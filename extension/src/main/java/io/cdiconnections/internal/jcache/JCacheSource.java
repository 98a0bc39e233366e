package io.cdiconnections.internal.jcache;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;

import io.cdiconnections.internal.SharedCache;

/**
 * Opens a JCache cache of encoded results: the provider named or the only one present, its cache
 * manager at the URI given or its default, and the cache by name, made when absent.
 *
 * <p>A cache this makes keeps an entry at most {@link #MAX_ENTRY_LIFE} hour from its creation:
 * each entry also carries its own expiry (the query's ttl), checked on read, so the cache-wide one
 * only bounds how long an expired entry can take room. A cache an administrator made is used as it
 * is (its expiry, its size bound).
 *
 * <p>Internal: made by {@link java.util.ServiceLoader}.
 */
public final class JCacheSource implements SharedCache.Source {

    /** Hours an entry of a cache made here lives at most, whatever its ttl. */
    static final int MAX_ENTRY_LIFE = 1;

    /** Made by {@link java.util.ServiceLoader}. */
    public JCacheSource() {
    }

    @Override
    public SharedCache open(String provider, String uri, String name, ClassLoader loader) {
        CachingProvider p = provider == null ? Caching.getCachingProvider(loader)
                : Caching.getCachingProvider(provider, loader);
        CacheManager manager = p.getCacheManager(uri == null ? p.getDefaultURI() : URI.create(uri), loader);
        return new JCacheStore(cache(manager, name));
    }

    private static Cache<String, byte[]> cache(CacheManager manager, String name) {
        Cache<String, byte[]> cache = manager.getCache(name, String.class, byte[].class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, byte[]> config = new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class)
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, MAX_ENTRY_LIFE)));
        try {
            return manager.createCache(name, config);
        } catch (CacheException e) { // another instance made it first
            Cache<String, byte[]> made = manager.getCache(name, String.class, byte[].class);
            if (made == null) {
                throw e;
            }
            return made;
        }
    }
}
