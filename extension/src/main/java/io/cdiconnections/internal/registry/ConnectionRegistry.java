package io.cdiconnections.internal.registry;

import java.lang.System.Logger.Level;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionClosedException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.ConnectionSource;
import io.cdiconnections.config.SecretsConfigSource;

/**
 * Every connection handle of one application (one deployment in a server): Streamlit's
 * {@code st.cache_resource} for connections. One cache per (class, ttl, maxEntries), and inside
 * it one handle per (name, options), so equal requests share a handle and its pool. Retires raw
 * instances on ttl expiry, beyond maxEntries (least recently used first) and when their
 * {@code [connections.<name>]} secrets change; closes everything on {@link #close()}.
 *
 * <p>Internal: applications use {@code Connections} or {@code @Connection}.
 */
public final class ConnectionRegistry implements ConnectionSource, AutoCloseable {

    /** The config key of the ttl of connections that name none (Streamlit's {@code runner.connectionDefaultTTL}). */
    public static final String DEFAULT_TTL_KEY = RequestResolver.DEFAULT_TTL_KEY;

    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private final Config config;
    private final ClassLoader loader;
    private final RequestResolver resolver;
    private final FastLookups lookups = new FastLookups();
    private final ConcurrentHashMap<Resolution.GroupKey, ConnectionGroup> groups = new ConcurrentHashMap<>();
    private final Declarations declarations = new Declarations();
    private final ReferenceQueue<BaseConnection<?>> collected = new ReferenceQueue<>();
    private final SecretsResets secrets;
    private volatile ScheduledThreadPoolExecutor timer;
    private volatile boolean closed;

    /**
     * Creates a registry and subscribes it to the changes of every {@link SecretsConfigSource}
     * of the configuration.
     *
     * @param config where secrets and settings are read
     * @param loader the application's class loader, for type names
     */
    public ConnectionRegistry(Config config, ClassLoader loader) {
        this.config = config;
        this.loader = loader;
        this.resolver = new RequestResolver(config, loader);
        this.secrets = new SecretsResets(config, this);
    }

    /** @return the configuration this registry reads */
    public Config config() {
        return config;
    }

    /** @return the resolver of this registry's requests */
    public RequestResolver resolver() {
        return resolver;
    }

    /** @return the shortcut of {@link #get(String, Class)}, which a change of secrets clears */
    FastLookups lookups() {
        return lookups;
    }

    /** @return what resets connections when their secrets change */
    SecretsResets secrets() {
        return secrets;
    }

    /**
     * The shared handle for a name and an expected type, with no other argument. On a warm key
     * this is one map lookup.
     *
     * @param name the name as written (may be {@code env:VAR})
     * @param type the expected class, or null for any connection
     * @param <T>  the expected type
     * @return the handle
     */
    @Override
    public <T> T get(String name, Class<T> type) {
        BaseConnection<?> h = lookups.get(name, type);
        if (h != null) {
            // remembered by getSlow for this very (name, type), after resolution checked the type:
            // no second check on the path of every warm lookup
            return castUnchecked(h);
        }
        h = getSlow(name, type);
        return type == null ? castUnchecked(h) : type.cast(h);
    }

    private BaseConnection<?> getSlow(String name, Class<?> type) {
        Resolution r = resolver.resolve(ConnectionRequest.named(name, RegistryMessages.getCall(name, type)), type);
        BaseConnection<?> h = handle(r);
        ConnectionGroup group = groups.get(r.groupKey());
        if (r.scope() == ConnectionScope.GLOBAL && group != null) {
            ConnectionGroup.HandleRef ref = group.ref(r);
            if (ref != null && ref.get() == h) {
                lookups.remember(name, type, ref);
            }
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <T> T castUnchecked(Object o) {
        return (T) o;
    }

    /**
     * The handle of arguments that {@code Connections.Builder} checked.
     *
     * @see ConnectionSource#get(String, String, Class, Duration, int, SortedMap, Class, String)
     */
    @Override
    public BaseConnection<?> get(String name, String type, Class<?> typeClass, Duration ttl, int maxEntries,
                                 SortedMap<String, String> options, Class<?> expected, String where) {
        return handle(resolver.resolve(ConnectionRequest.checked(name, type, typeClass, ttl, maxEntries, options,
                where), expected));
    }

    /**
     * The handle of a resolution: the shared one for a GLOBAL class, a new one for a SESSION
     * class (closed by its owner).
     *
     * @param r the resolution
     * @return the handle
     */
    public BaseConnection<?> handle(Resolution r) {
        if (closed) {
            throw new ConnectionClosedException(RegistryMessages.registryClosed(r.name()));
        }
        expunge();
        ConnectionGroup group = groups.computeIfAbsent(r.groupKey(), k -> new ConnectionGroup(k, this));
        if (r.scope() == ConnectionScope.SESSION) {
            return group.open(r);
        }
        declarations.used(r);
        return group.handle(r, collected);
    }

    /**
     * A handle of a resolution that belongs to no cache and never connects unless used: for
     * questions about the type and its configuration ({@code checkConfiguration()}).
     *
     * @param r the resolution
     * @return a new handle; close it when done
     */
    public BaseConnection<?> detachedHandle(Resolution r) {
        return TypeResolver.instantiate(r.type(), new ConnectionContext(r.name(), r.options(), r.ttl(),
                r.maxEntries(), config, ConnectionLifecycle.NONE));
    }

    /**
     * Records that an injection point declares a resolution, for the life of the registry (health
     * checks report it even before its first use), and warns once when the same (class, name,
     * options) is asked for with another ttl or maxEntries: that makes two handles and two pools.
     *
     * @param r the resolution
     */
    public void declare(Resolution r) {
        declarations.declare(r);
    }

    /**
     * @return every resolution declared by an injection point, and every one used through
     *         {@code Connections} whose handle still exists, sorted by name
     */
    public List<Resolution> declared() {
        expunge();
        return declarations.list();
    }

    /**
     * The handles of a resolution that exist now, without making one: the shared handle of a
     * GLOBAL resolution, or every open handle of its name for a SESSION one.
     *
     * @param r the resolution
     * @return the handles, possibly none
     */
    public List<BaseConnection<?>> existing(Resolution r) {
        ConnectionGroup group = groups.get(r.groupKey());
        if (group == null) {
            return List.of();
        }
        if (r.scope() == ConnectionScope.GLOBAL) {
            ConnectionGroup.HandleRef ref = group.ref(r);
            BaseConnection<?> h = ref == null ? null : ref.get();
            return h == null || h.isClosed() ? List.of() : List.of(h);
        }
        return group.handles().stream().filter(h -> h.name().equals(r.name()) && !h.isClosed()).toList();
    }

    /** @return every handle that exists now, shared and unshared */
    List<BaseConnection<?>> handles() {
        return groups.values().stream().flatMap(g -> g.handles().stream()).toList();
    }

    /**
     * Stops the watching of the secrets files this registry's configuration reads, for an
     * application that stops: the watcher thread of a library copy inside the application would
     * otherwise keep its class loader alive. The values stay readable, and a registry made later
     * on the same configuration (a CDI container started again) subscribes and so watches again.
     * A source that still has listeners (another application on the same configuration) is left
     * watching.
     */
    public void stopWatchingSecrets() {
        secrets.stopWatching();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every handle (their raw instances close once in-flight uses end) and stops watching
     * secrets. Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        secrets.close();
        for (ConnectionGroup group : groups.values()) {
            for (BaseConnection<?> h : group.handles()) {
                h.close();
            }
        }
        ScheduledThreadPoolExecutor t = timer;
        if (t != null) {
            t.shutdown(); // pending expiries are dropped; one running finishes closing its instance
        }
        lookups.clear();
        groups.clear();
        Registries.unregister(this);
    }

    /** @return how many handles exist now (live or idle but still referenced), for tests and health */
    public int handleCount() {
        expunge();
        return groups.values().stream().mapToInt(g -> g.handles().size()).sum();
    }

    /** @return how many raw instances are live now */
    public int liveCount() {
        return groups.values().stream().mapToInt(g -> g.live().size()).sum();
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        ScheduledThreadPoolExecutor t = timer;
        if (t == null) {
            synchronized (this) {
                t = timer;
                if (t == null) {
                    t = new ScheduledThreadPoolExecutor(1, runnable -> {
                        Thread thread = new Thread(runnable, "cdi-connections-ttl");
                        thread.setDaemon(true);
                        thread.setContextClassLoader(loader);
                        return thread;
                    });
                    t.setRemoveOnCancelPolicy(true);
                    t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                    timer = t;
                }
            }
        }
        if (closed) {
            return null;
        }
        return t.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Retiring an expired raw instance failed", e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expunge() {
        boolean any = false;
        for (java.lang.ref.Reference<? extends BaseConnection<?>> r; (r = collected.poll()) != null; ) {
            ConnectionGroup.HandleRef ref = (ConnectionGroup.HandleRef) r;
            ref.group.collected(ref);
            declarations.forget(ref.group, ref.key);
            any = true;
        }
        if (any) {
            lookups.prune();
        }
    }

    /** A handle of a cache was closed: forgets its resolution if it was only used. */
    void forget(ConnectionGroup group, Resolution.HandleKey key) {
        declarations.forget(group, key);
    }
}
