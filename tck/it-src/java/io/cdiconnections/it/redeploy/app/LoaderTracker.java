package io.cdiconnections.it.redeploy.app;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Hands the observer a weak reference to this application's class loader, at the first CDI
 * event, so that a deployment that fails later is tracked too. The hand-over is a map of JDK
 * types only (a {@link ConcurrentHashMap} of {@link WeakReference}s) kept in the system
 * properties, the one object every application of a server sees: it holds no class of ours, so
 * it keeps no application alive.
 */
public class LoaderTracker implements Extension {

    /** The system property holding the map; a key is the loader's {@code toString()} and a serial. */
    public static final String PROPERTY = "cdi-connections.it.loaders";

    void track(@Observes BeforeBeanDiscovery event) {
        ClassLoader loader = LoaderTracker.class.getClassLoader();
        // one line: Tomcat's web application class loader describes itself on several
        loaders().put(String.valueOf(loader).replaceAll("\\s*\\R\\s*", " ").strip() + "#" + System.nanoTime(),
                new WeakReference<>(loader));
    }

    /** @return the shared map, made by whichever application or observer comes first */
    @SuppressWarnings("unchecked")
    public static Map<String, WeakReference<ClassLoader>> loaders() {
        return (Map<String, WeakReference<ClassLoader>>) System.getProperties()
                .computeIfAbsent(PROPERTY, k -> new ConcurrentHashMap<String, WeakReference<ClassLoader>>());
    }
}
