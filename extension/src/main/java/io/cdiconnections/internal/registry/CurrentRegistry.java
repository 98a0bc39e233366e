package io.cdiconnections.internal.registry;

import java.time.Duration;
import java.util.SortedMap;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionSource;

/**
 * The {@link ConnectionSource} service that the static methods of {@code Connections} find
 * (registered in {@code META-INF/services/io.cdiconnections.ConnectionSource}): each call goes to
 * the registry of the calling application, {@link Registries#current()}.
 *
 * <p>Internal: made by {@link java.util.ServiceLoader}.
 */
public final class CurrentRegistry implements ConnectionSource {

    /** Made by {@link java.util.ServiceLoader}. */
    public CurrentRegistry() {
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return Registries.current().get(name, type);
    }

    @Override
    public BaseConnection<?> get(String name, String type, Class<?> typeClass, Duration ttl, int maxEntries,
                                 SortedMap<String, String> options, Class<?> expected, String where) {
        return Registries.current().get(name, type, typeClass, ttl, maxEntries, options, expected, where);
    }
}
