package io.cdiconnections.internal.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.internal.Durations;
import io.cdiconnections.internal.SecretsReader;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Resolution;
import io.cdiconnections.internal.registry.TypeResolver;

/**
 * Checks every connection an application declared or used, and on demand every
 * {@code [connections.<name>]} section of its configuration, within one timeout: the logic of the
 * MicroProfile Health readiness check ({@link ConnectionsReadinessCheck}, declared and used
 * connections only) and of {@code SecretsCheck --connect} (every section too), free of any
 * health API.
 *
 * <p>Readiness leaves out sections no code declared: a secrets.toml shared with a Streamlit app
 * or another service may hold connections this application never uses, and their state must not
 * take it out of service.
 *
 * <p>Without {@value #CONNECT_KEY}{@code =true}, nothing is connected for the check: a connection
 * with a raw instance is checked ({@link BaseConnection#checkHealth}), one whose last attempt to
 * connect failed is DOWN with that failure, one never used is UP and "not connected". With it,
 * every GLOBAL connection is connected and checked. Checks run on their own daemon threads; the
 * caller waits at most the timeout ({@value #TIMEOUT_KEY}, default 2 s) in all, and a check still
 * running then is reported "timed out" and not started again until it ends.
 *
 * <pre>{@code
 * List<ConnectionStatus> statuses = new ConnectionProbe(registry).check();
 * }</pre>
 */
public final class ConnectionProbe {

    /** Config key: how long a check may take in all, ISO-8601 ({@code PT2S}) or seconds. */
    public static final String TIMEOUT_KEY = "cdi-connections.health.timeout";
    /** Config key: whether a check connects connections that have no raw instance. */
    public static final String CONNECT_KEY = "cdi-connections.health.connect";
    /** The timeout when {@value #TIMEOUT_KEY} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionRegistry registry;
    private final boolean sections;
    private final Map<BaseConnection<?>, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();

    /**
     * A probe of the connections the application declared or used.
     *
     * @param registry the application's registry
     */
    public ConnectionProbe(ConnectionRegistry registry) {
        this(registry, false);
    }

    /**
     * @param registry the application's registry
     * @param sections whether every {@code [connections.<name>]} section of the configuration is
     *                 checked too, declared by code or not
     */
    public ConnectionProbe(ConnectionRegistry registry, boolean sections) {
        this.registry = registry;
        this.sections = sections;
    }

    /**
     * @param config the configuration
     * @return {@value #TIMEOUT_KEY}, or the default
     * @throws ConnectionConfigException naming the key when its value is not a duration
     */
    public static Duration timeout(Config config) {
        String value = config.getOptionalValue(TIMEOUT_KEY, String.class).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        return Durations.parse(value).filter(d -> !d.isZero()).orElseThrow(() -> new ConnectionConfigException(
                HealthMessages.badHealthTimeout(TIMEOUT_KEY)));
    }

    /**
     * @param config the configuration
     * @return {@value #CONNECT_KEY}, false by default
     */
    public static boolean connect(Config config) {
        return config.getOptionalValue(CONNECT_KEY, String.class).map(v -> v.trim().equalsIgnoreCase("true"))
                .orElse(false);
    }

    /**
     * Checks with the timeout and connect setting of the configuration.
     *
     * @return one status per connection, sorted by name
     */
    public List<ConnectionStatus> check() {
        Config config = registry.config();
        return check(timeout(config), connect(config));
    }

    /**
     * Checks every connection (and section, if asked), waiting at most {@code timeout} in all.
     *
     * @param timeout how long to wait for all checks together
     * @param connect whether to connect connections that have no raw instance
     * @return one status per connection (per handle when a name has several), sorted by name
     */
    public List<ConnectionStatus> check(Duration timeout, boolean connect) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Pending> pending = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Resolution r : registry.declared()) {
            names.add(r.name());
            boolean connectIt = connect && r.scope() == ConnectionScope.GLOBAL;
            List<BaseConnection<?>> handles = registry.existing(r);
            if (handles.isEmpty() && connectIt) {
                try {
                    handles = List.of(registry.handle(r));
                } catch (ConnectionException e) {
                    put(pending, r.name(), Pending.done(failure(r.name(), simple(r.type()),
                            ConnectionStatus.INVALID_CONFIGURATION, e, null, 0)));
                    continue;
                }
            }
            if (handles.isEmpty()) {
                put(pending, r.name(), Pending.done(status(r.name(), simple(r.type()), true,
                        ConnectionStatus.NOT_CONNECTED, null, 0)));
            }
            for (BaseConnection<?> h : handles) {
                put(pending, r.name(), new Pending(h, System.nanoTime(), start(h, timeout, connectIt)));
            }
        }
        for (String name : sections ? SecretsReader.connectionNames(registry.config()) : Set.<String>of()) {
            if (names.add(name)) {
                put(pending, name, undeclared(name, timeout, connect));
            }
        }
        List<ConnectionStatus> result = new ArrayList<>();
        pending.forEach((label, p) -> result.add(p.await(label, deadline, timeout)));
        result.sort(java.util.Comparator.comparing(ConnectionStatus::name));
        return result;
    }

    /** A section no code declared yet: resolved when its type is known, validated, connected only on demand. */
    private Pending undeclared(String name, Duration timeout, boolean connect) {
        long start = System.nanoTime();
        String where = HealthMessages.inSecretsToml(name);
        boolean typed = registry.config().getOptionalValue(SecretsReader.prefix(name) + "type", String.class)
                .isPresent() || TypeResolver.SHORT_NAMES.containsKey(name);
        if (!typed) {
            return Pending.done(status(name, "?", true, ConnectionStatus.NOT_CONNECTED, null, 0));
        }
        Resolution r;
        try {
            r = registry.resolver().resolve(ConnectionRequest.named(name, where), null);
            try (BaseConnection<?> detached = registry.detachedHandle(r)) {
                detached.checkConfiguration();
            }
        } catch (ConnectionException e) {
            return Pending.done(failure(name, "?", ConnectionStatus.INVALID_CONFIGURATION, e, null, start));
        }
        if (!connect || r.scope() != ConnectionScope.GLOBAL) {
            return Pending.done(status(name, simple(r.type()), true, ConnectionStatus.NOT_CONNECTED, null, 0));
        }
        BaseConnection<?> h = registry.handle(r);
        return new Pending(h, start, start(h, timeout, true));
    }

    /** The running check of a handle, or a new one; a finished check is never handed out again. */
    private CompletableFuture<Boolean> start(BaseConnection<?> h, Duration timeout, boolean connect) {
        return running.compute(h, (handle, old) -> old != null && !old.isDone() ? old : launch(handle, timeout, connect));
    }

    private CompletableFuture<Boolean> launch(BaseConnection<?> handle, Duration timeout, boolean connect) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(handle.checkHealth(timeout, connect));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            } finally {
                running.remove(handle, f);
            }
        }, "cdi-connections-health-" + handle.name());
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();
        return f;
    }

    private static void put(Map<String, Pending> pending, String name, Pending p) {
        String label = name;
        for (int i = 2; pending.containsKey(label); i++) {
            label = name + " #" + i;
        }
        pending.put(label, p);
    }

    static String simple(Class<?> type) {
        return type == null ? "?" : type.getSimpleName();
    }

    static ConnectionStatus status(String name, String type, boolean up, String state, String error, long start) {
        return new ConnectionStatus(name, type, up, state, error, null, elapsed(start));
    }

    static ConnectionStatus failure(String name, String type, String state, Throwable e, BaseConnection<?> h,
                                    long start) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(e.getMessage());
        if (root != e && !(e instanceof ConnectionException)) {
            message += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        if (h != null) {
            try {
                message = h.parameters().redact(message);
            } catch (RuntimeException unreadable) {
                message = "(the message is withheld: the parameters to redact it could not be read)";
            }
        }
        return new ConnectionStatus(name, type, false, state, root.getClass().getName(), message, elapsed(start));
    }

    private static Duration elapsed(long start) {
        return start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
    }

    /** One check: a result already known, or a running check of a handle. */
    private record Pending(BaseConnection<?> handle, long start, CompletableFuture<Boolean> future,
                           ConnectionStatus known) {

        Pending(BaseConnection<?> handle, long start, CompletableFuture<Boolean> future) {
            this(handle, start, future, null);
        }

        static Pending done(ConnectionStatus status) {
            return new Pending(null, 0, null, status);
        }

        ConnectionStatus await(String label, long deadline, Duration timeout) {
            if (known != null) {
                return new ConnectionStatus(label, known.type(), known.up(), known.state(), known.error(),
                        known.message(), known.time());
            }
            String type = simple(handle.getClass());
            try {
                boolean checked = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (checked) {
                    return status(label, type, true, ConnectionStatus.CONNECTED, null, start);
                }
                var failed = handle.lastFailure();
                if (failed.isPresent()) {
                    return failure(label, type, ConnectionStatus.CONNECT_FAILED, failed.get(), handle, start);
                }
                return status(label, type, true, ConnectionStatus.NOT_CONNECTED, null, start);
            } catch (TimeoutException e) {
                return new ConnectionStatus(label, type, false, ConnectionStatus.TIMED_OUT, TimeoutException.class.getName(),
                        HealthMessages.checkTimedOut(timeout, TIMEOUT_KEY), elapsed(start));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String state = handle.isConnected() ? ConnectionStatus.CHECK_FAILED : ConnectionStatus.CONNECT_FAILED;
                return failure(label, type, state, cause, handle, start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ConnectionStatus(label, type, false, ConnectionStatus.TIMED_OUT,
                        InterruptedException.class.getName(), HealthMessages.checkInterrupted(), elapsed(start));
            }
        }
    }
}
