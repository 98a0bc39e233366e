package io.cdiconnections.internal.jcache;

import javax.cache.Cache;

import io.cdiconnections.internal.SharedCache;

/** A {@link SharedCache} over one JCache cache of encoded results. */
final class JCacheStore implements SharedCache {

    private final Cache<String, byte[]> cache;

    JCacheStore(Cache<String, byte[]> cache) {
        this.cache = cache;
    }

    @Override
    public byte[] get(String key) {
        return cache.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        cache.put(key, value);
    }

    @Override
    public String toString() {
        return "JCache " + cache.getName() + " of " + cache.getCacheManager().getURI();
    }
}
