package io.cdiconnections.internal.registry;

import java.lang.System.Logger.Level;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionClosedException;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.config.SecretsChangeEvent;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.internal.Durations;
import io.cdiconnections.internal.SecretsReader;

/**
 * Every connection handle of one application (one deployment in a server): Streamlit's
 * {@code st.cache_resource} for connections. One cache per (class, ttl, maxEntries), and inside
 * it one handle per (name, options), so equal requests share a handle and its pool. Retires raw
 * instances on ttl expiry, beyond maxEntries (least recently used first) and when their
 * {@code [connections.<name>]} secrets change; closes everything on {@link #close()}.
 *
 * <p>Internal: applications use {@code Connections} or {@code @Connection}.
 */
public final class ConnectionRegistry implements AutoCloseable {

    /** The config key of the ttl of connections that name none (Streamlit's {@code runner.connectionDefaultTTL}). */
    public static final String DEFAULT_TTL_KEY = "cdi-connections.default-ttl";

    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private final Config config;
    private final TypeResolver resolver;
    /** The hot path: the exact arguments of {@code get(name, type)} to the handle they gave. */
    private final ConcurrentHashMap<String, Front> front = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Resolution.GroupKey, ConnectionGroup> groups = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Resolution.SharingKey, Resolution.GroupKey> firstGroups = new ConcurrentHashMap<>();
    private final Set<Resolution.SharingKey> warned = ConcurrentHashMap.newKeySet();
    /**
     * Every resolution declared (injection points) or used, first come first kept: what health
     * checks report. A used one is forgotten with its handle; a declared one stays ({@link #pinned}).
     */
    private final Map<Declared, Resolution> declared = new ConcurrentHashMap<>();
    private final Set<Declared> pinned = ConcurrentHashMap.newKeySet();
    /** A type's scope, asked once of a throwaway handle. */
    private final ConcurrentHashMap<Class<?>, ConnectionScope> scopes = new ConcurrentHashMap<>();
    private final ReferenceQueue<BaseConnection<?>> collected = new ReferenceQueue<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final ClassLoader loader;
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
        this.resolver = new TypeResolver(config, loader);
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SecretsConfigSource secrets) {
                subscriptions.add(secrets.addChangeListener(this::secretsChanged));
            }
        }
    }

    /** @return the configuration this registry reads */
    public Config config() {
        return config;
    }

    /** @return the resolver this registry uses */
    public TypeResolver resolver() {
        return resolver;
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
    @SuppressWarnings("unchecked")
    public <T> T get(String name, Class<T> type) {
        for (Front f = front.get(name); f != null; f = f.next) {
            if (f.type == type) {
                BaseConnection<?> h = f.ref.get();
                if (h != null && !h.isClosed()) {
                    return (T) h;
                }
                break;
            }
        }
        return getSlow(name, type);
    }

    private <T> T getSlow(String name, Class<T> type) {
        String where = RegistryMessages.getCall(name, type);
        ConnectionRequest request = ConnectionRequest.of(name, "", null, "", Connection.UNBOUNDED, Map.of(), where);
        Resolution r = resolve(request, type, where);
        BaseConnection<?> h = handle(r);
        ConnectionGroup group = groups.get(r.groupKey());
        if (r.scope() == ConnectionScope.GLOBAL && group != null) {
            ConnectionGroup.HandleRef ref = group.ref(r);
            if (ref != null && ref.get() == h) {
                front.compute(name, (k, old) -> Front.with(old, type, ref));
            }
        }
        return type == null ? castUnchecked(h) : type.cast(h);
    }

    @SuppressWarnings("unchecked")
    private static <T> T castUnchecked(Object o) {
        return (T) o;
    }

    /**
     * Resolves a request: the name, the class, the ttl (with the default) and the bound.
     *
     * @param request  the request as written
     * @param javaType the Java type asked for, or null
     * @param where    how the user wrote it, for messages
     * @return the resolution
     * @throws io.cdiconnections.ConnectionException naming what is wrong and how to fix it
     */
    public Resolution resolve(ConnectionRequest request, Class<?> javaType, String where) {
        String name = resolver.resolveName(request.name(), where);
        Class<? extends BaseConnection<?>> type = resolver.resolve(name, request, javaType, where);
        Duration ttl = request.ttl().isEmpty() ? defaultTtl() : ConnectionRequest.checkTtl(name, request.ttl(), where);
        if (ttl != null && ttl.isZero()) {
            ttl = null;
        }
        ConnectionScope scope = scopes.computeIfAbsent(type, t -> TypeResolver.detachedHandle(type, name, config).scope());
        return new Resolution(where, name, type, request.options(), ttl, request.maxEntries(), scope);
    }

    /**
     * @return the ttl of connections that name none, or null for forever
     * @throws ConnectionConfigException naming the key when its value is not a duration
     */
    public Duration defaultTtl() {
        String value = config.getOptionalValue(DEFAULT_TTL_KEY, String.class).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        return Durations.parse(value).orElseThrow(() ->
                new ConnectionConfigException(RegistryMessages.badDefaultTtl(DEFAULT_TTL_KEY, value)));
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
        used(r);
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
        pinned.add(new Declared(r.groupKey(), r.handleKey()));
        used(r);
    }

    /** Records a resolution in use until its handle is gone, and warns as {@link #declare} does. */
    private void used(Resolution r) {
        declared.putIfAbsent(new Declared(r.groupKey(), r.handleKey()), r);
        Resolution.SharingKey sharing = new Resolution.SharingKey(r.type(), r.name(), r.options());
        Resolution.GroupKey first = firstGroups.putIfAbsent(sharing, r.groupKey());
        if (first != null && !first.equals(r.groupKey()) && warned.add(sharing)) {
            LOG.log(Level.WARNING, RegistryMessages.twoPools(r.name(), r.type(), first.ttl(), first.maxEntries(),
                    r.ttl(), r.maxEntries()));
        }
    }

    /**
     * @return every resolution declared by an injection point, and every one used through
     *         {@code Connections} whose handle still exists, sorted by name
     */
    public List<Resolution> declared() {
        expunge();
        List<Resolution> all = new ArrayList<>(declared.values());
        all.sort(java.util.Comparator.comparing(Resolution::name));
        return all;
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

    /**
     * Resets the connections whose own section changed; the others keep their raw instances.
     *
     * @param event the changed keys
     */
    void secretsChanged(SecretsChangeEvent event) {
        front.clear(); // a changed type key may resolve a name to another class
        for (ConnectionGroup group : groups.values()) {
            for (BaseConnection<?> h : group.handles()) {
                String prefix = SecretsReader.prefix(h.name());
                if (event.affects(prefix.substring(0, prefix.length() - 1))) {
                    h.reset();
                }
            }
        }
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
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SecretsConfigSource secrets && !secrets.hasChangeListeners()) {
                secrets.close();
            }
        }
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
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Removing a secrets listener failed", e);
            }
        }
        for (ConnectionGroup group : groups.values()) {
            for (BaseConnection<?> h : group.handles()) {
                h.close();
            }
        }
        ScheduledThreadPoolExecutor t = timer;
        if (t != null) {
            t.shutdown(); // pending expiries are dropped; one running finishes closing its instance
        }
        front.clear();
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
            forget(ref.group, ref.key);
            any = true;
        }
        if (any) {
            for (String name : front.keySet()) {
                front.computeIfPresent(name, (k, f) -> Front.live(f));
            }
        }
    }

    /**
     * Forgets a resolution used through {@code Connections} once its cache no longer holds a handle
     * for it (collected or closed), so that thousands of dynamic names do not pile up in health
     * reports and memory. Declared ones stay.
     */
    void forget(ConnectionGroup group, Resolution.HandleKey key) {
        Declared d = new Declared(group.key(), key);
        if (pinned.contains(d) || group.holds(key)) {
            return;
        }
        declared.remove(d);
        firstGroups.remove(new Resolution.SharingKey(group.key().type(), key.name(), key.options()), group.key());
    }

    /** Which handle a declared resolution stands for. */
    private record Declared(Resolution.GroupKey group, Resolution.HandleKey handle) {
    }

    /** A front entry: the handle one exact {@code get(name, type)} gave; a list per name. */
    static final class Front {
        final Class<?> type;
        final ConnectionGroup.HandleRef ref;
        final Front next;

        Front(Class<?> type, ConnectionGroup.HandleRef ref, Front next) {
            this.type = type;
            this.ref = ref;
            this.next = next;
        }

        static Front with(Front list, Class<?> type, ConnectionGroup.HandleRef ref) {
            Front rest = null;
            for (Front f = list; f != null; f = f.next) {
                if (f.type != type && f.ref.get() != null) {
                    rest = new Front(f.type, f.ref, rest);
                }
            }
            return new Front(type, ref, rest);
        }

        static Front live(Front list) {
            Front rest = null;
            for (Front f = list; f != null; f = f.next) {
                if (f.ref.get() != null) {
                    rest = new Front(f.type, f.ref, rest);
                }
            }
            return rest;
        }
    }
}
