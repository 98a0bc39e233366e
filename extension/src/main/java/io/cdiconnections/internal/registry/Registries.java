package io.cdiconnections.internal.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the application's registry: the one the CDI extension made for the deployment whose
 * class loader is the thread's context class loader (or a parent of it), else a default registry
 * for that class loader, made on first use from {@link ConfigProvider#getConfig(ClassLoader)} and
 * closed by a shutdown hook (plain Java SE). Always per class loader: when the library sits in a
 * server's shared library folder, one application never gets another's registry (and so its
 * connections). When exactly one registry exists and the thread's context class loader is the one
 * it was registered for, the lookup is one volatile read and a comparison.
 *
 * <p>Internal.
 */
public final class Registries {

    private static final Object LOCK = new Object();
    /** Per class loader, a stack: a deployment's registry shadows a default made before it. */
    private static final Map<ClassLoader, List<ConnectionRegistry>> BY_LOADER = new HashMap<>();
    private static final Map<ConnectionRegistry, ClassLoader> LOADERS = new HashMap<>();
    /** The only registry and its class loader, when there is exactly one: the fast path. */
    private static volatile Sole sole;

    private record Sole(ClassLoader loader, ConnectionRegistry registry) {
    }

    private Registries() {
    }

    /** @return the registry of the calling application */
    public static ConnectionRegistry current() {
        Sole s = sole;
        if (s != null && s.loader == Thread.currentThread().getContextClassLoader()) {
            return s.registry;
        }
        return lookup();
    }

    /**
     * Makes a registry the one of a class loader (the deployment's), until {@link #unregister}.
     *
     * @param loader   the deployment's class loader
     * @param registry its registry
     */
    public static void register(ClassLoader loader, ConnectionRegistry registry) {
        synchronized (LOCK) {
            BY_LOADER.computeIfAbsent(loader, l -> new ArrayList<>()).add(registry);
            LOADERS.put(registry, loader);
            recompute();
        }
    }

    /**
     * Forgets a registry; its class loader falls back to the one registered before it, if any.
     *
     * @param registry the registry
     */
    public static void unregister(ConnectionRegistry registry) {
        synchronized (LOCK) {
            ClassLoader loader = LOADERS.remove(registry);
            if (loader == null) {
                return;
            }
            List<ConnectionRegistry> stack = BY_LOADER.get(loader);
            stack.remove(registry);
            if (stack.isEmpty()) {
                BY_LOADER.remove(loader);
            }
            recompute();
        }
    }

    private static ConnectionRegistry lookup() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl == null) {
            tccl = Registries.class.getClassLoader();
        }
        synchronized (LOCK) {
            for (ClassLoader l = tccl; l != null; l = l.getParent()) {
                List<ConnectionRegistry> stack = BY_LOADER.get(l);
                if (stack != null) {
                    return stack.get(stack.size() - 1);
                }
            }
            ConnectionRegistry registry = new ConnectionRegistry(ConfigProvider.getConfig(tccl), tccl);
            register(tccl, registry);
            Thread hook = new Thread(registry::close, "cdi-connections-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return registry;
        }
    }

    private static void recompute() {
        if (BY_LOADER.size() == 1) {
            Map.Entry<ClassLoader, List<ConnectionRegistry>> only = BY_LOADER.entrySet().iterator().next();
            sole = new Sole(only.getKey(), last(only.getValue()));
        } else {
            sole = null;
        }
    }

    private static ConnectionRegistry last(List<ConnectionRegistry> stack) {
        return stack.get(stack.size() - 1);
    }
}
