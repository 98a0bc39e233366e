package io.cdiconnections.sql;

import java.net.URI;
import java.util.Properties;

import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/** A JCache provider whose grid is always down: every cache manager it is asked for fails. */
public final class ThrowingCachingProvider implements CachingProvider {

    /** How many times a cache manager was asked for. */
    static final java.util.concurrent.atomic.AtomicInteger ASKED = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        ASKED.incrementAndGet();
        throw new CacheException("the grid is down (ThrowingCachingProvider)");
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, null);
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(null, null, null);
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return URI.create("down:grid");
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public void close() {
    }

    @Override
    public void close(ClassLoader classLoader) {
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
    }

    @Override
    public boolean isSupported(OptionalFeature optionalFeature) {
        return false;
    }
}
