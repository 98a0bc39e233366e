package org.glassfish.microprofile.config;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import io.smallrye.config.SmallRyeConfigProviderResolver;

/**
 * A stand-in for GlassFish 8's resolver, by its class name: it caches one configuration per
 * class loader, as Helidon's resolver behind GlassFish's does, hands out a new wrapper at each
 * {@code getConfig} whose {@code unwrap(Config.class)} is the cached configuration, and releases
 * only that cached object (never a wrapper). It records what it was asked to release.
 */
public class GlassFishConfigProviderResolver extends ConfigProviderResolver {

    private final ConfigProviderResolver smallRye = new SmallRyeConfigProviderResolver();
    private final Map<ClassLoader, Config> cached = new IdentityHashMap<>();
    /** What {@link #releaseConfig} was given, in order. */
    public final List<Config> released = new ArrayList<>();

    @Override
    public Config getConfig() {
        return getConfig(Thread.currentThread().getContextClassLoader());
    }

    @Override
    public synchronized Config getConfig(ClassLoader loader) {
        Config config = cached.computeIfAbsent(loader, l -> smallRye.getBuilder().forClassLoader(l)
                .addDefaultSources().build());
        return (Config) java.lang.reflect.Proxy.newProxyInstance(Config.class.getClassLoader(),
                new Class<?>[] {Config.class}, (proxy, method, args) -> method.getName().equals("unwrap")
                        && args[0] == Config.class ? config : method.invoke(config, args));
    }

    /** @return whether a configuration is cached for the loader */
    public synchronized boolean caches(ClassLoader loader) {
        return cached.containsKey(loader);
    }

    @Override
    public ConfigBuilder getBuilder() {
        return smallRye.getBuilder();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        cached.put(classLoader, config);
    }

    @Override
    public synchronized void releaseConfig(Config config) {
        released.add(config);
        cached.values().removeIf(c -> c == config);
    }
}
