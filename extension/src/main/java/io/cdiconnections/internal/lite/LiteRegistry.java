package io.cdiconnections.internal.lite;

import org.eclipse.microprofile.config.ConfigProvider;

import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.Registries;

/**
 * The registry of the running CDI Lite application: made on first use with the configuration
 * of the application's class loader (at run time, so env overrides and secrets of the running
 * environment count, not the build's), closed at {@code Shutdown}. A Quarkus test run that
 * starts the application again gets a new one.
 */
final class LiteRegistry {

    private static ConnectionRegistry registry;

    private LiteRegistry() {
    }

    /** @return the application's registry, made now if needed */
    static synchronized ConnectionRegistry get() {
        if (registry == null) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = tccl != null ? tccl : LiteRegistry.class.getClassLoader();
            registry = new ConnectionRegistry(ConfigProvider.getConfig(loader), loader);
            Registries.register(loader, registry);
        }
        return registry;
    }

    /** @return the application's registry, or null when none was made or it was stopped */
    static synchronized ConnectionRegistry current() {
        return registry;
    }

    /** Closes every connection and forgets the registry. */
    static synchronized void stop() {
        if (registry != null) {
            registry.close();
            registry.stopWatchingSecrets();
            Registries.unregister(registry);
            registry = null;
        }
    }
}
