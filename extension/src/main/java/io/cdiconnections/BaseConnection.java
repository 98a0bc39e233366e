package io.cdiconnections;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cdiconnections.Generations.Generation;
import io.cdiconnections.internal.SecretsReader;

/**
 * The stable handle of a connection: what is injected with {@link Connection @Connection} and
 * returned by {@link Connections}. The Jakarta EE counterpart of Streamlit's
 * {@code BaseConnection}.
 *
 * <p>A handle creates its raw instance (a pool, a client, a session) with {@link #connect} on
 * first use, once even when many threads ask at the same time, and keeps it until
 * {@link #reset()}, a ttl expiry, an eviction or a change of its secrets retires it. A retired
 * raw instance is closed with {@link #close(Object)} when the last use in flight on it ends; the
 * next use connects again. The handle itself stays valid for the life of the application.
 *
 * <p>Writing a connection type takes a public constructor and one method (and, to be injected, a
 * protected constructor without parameters):
 *
 * <pre>{@code
 * public class RedisConnection extends BaseConnection<RedisClient> {
 *     public RedisConnection(ConnectionContext context) {
 *         super(context);
 *     }
 *
 *     protected RedisConnection() { }   // for CDI client proxies only
 *
 *     @Override
 *     protected RedisClient connect(ConnectionParameters params) {
 *         return RedisClient.create(params.require("url"));
 *     }
 *
 *     public String get(String key) {
 *         return use(client -> client.get(key));
 *     }
 * }
 * }</pre>
 *
 * @param <R> the type of the raw instance
 */
public abstract class BaseConnection<R> implements AutoCloseable {

    private final ConnectionContext context;
    private final Generations<R> generations;

    /**
     * @param context the name, options and owner of this handle
     */
    protected BaseConnection(ConnectionContext context) {
        this.context = java.util.Objects.requireNonNull(context, "context");
        this.generations = new Generations<>(this, context.lifecycle());
    }

    /**
     * For CDI client proxies only (an injected {@code @ApplicationScoped} or {@code @SessionScoped}
     * handle is a proxy that forwards every call): a handle made with it is unusable. A
     * connection type should declare {@code protected MyConnection() { }} so that containers
     * which need a no-argument constructor for proxies can inject it.
     */
    protected BaseConnection() {
        this.context = null;
        this.generations = new Generations<>(this, ConnectionLifecycle.NONE);
    }

    /**
     * Creates the raw instance from the connection's parameters: the secrets section with the
     * options given in code laid over it. Called on first use and after each retirement, never
     * by two threads at once for the same handle.
     *
     * @param params the parameters; never print their values
     * @return the raw instance, never null
     * @throws Exception when the raw instance cannot be created; it is reported as a
     *                   {@link ConnectionUnavailableException} with secret values removed
     */
    protected abstract R connect(ConnectionParameters params) throws Exception;

    /**
     * Closes a retired raw instance. The default closes it when it is {@link AutoCloseable}.
     *
     * @param raw the raw instance, no longer in use by anyone
     * @throws Exception when closing fails; it is logged, not thrown to a caller
     */
    protected void close(R raw) throws Exception {
        if (raw instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Called when a raw instance is retired (reset, ttl, eviction, secrets change, close), before
     * it is closed and while uses may still be in flight on it: the place to drop state tied to
     * it, such as cached query results. The default does nothing.
     *
     * @param raw the retired raw instance
     */
    protected void retired(R raw) {
    }

    /**
     * Checks that a live raw instance works: the per-type hook of {@link #checkHealth}. The
     * default does nothing, so a raw instance that exists counts as healthy; a type that can ask
     * its server cheaply should (SQL borrows a connection and calls {@code isValid}).
     *
     * <pre>{@code
     * protected void check(RedisClient client, Duration timeout) {
     *     client.ping();
     * }
     * }</pre>
     *
     * @param raw     the raw instance, held for the duration of the call
     * @param timeout how long the check may take; the caller stops waiting after it
     * @throws Exception when the raw instance does not work
     */
    protected void check(R raw, Duration timeout) throws Exception {
    }

    /**
     * Checks this connection's health now, for readiness checks and the secrets checker. Does
     * not count as a use (it neither refreshes the least-recently-used order nor a ttl).
     *
     * <pre>{@code
     * boolean checked = sql.checkHealth(Duration.ofSeconds(2), false);
     * }</pre>
     *
     * @param timeout how long the check may take (given to {@link #check}; this method does not
     *                enforce it: run it on another thread to bound the wait)
     * @param connect whether to connect first when there is no raw instance
     * @return true when a raw instance was checked; false when there was none and {@code connect}
     *         was false (see {@link #lastFailure()} for why an earlier attempt failed)
     * @throws ConnectionUnavailableException when connecting fails
     * @throws Exception                      what {@link #check} threw
     */
    public boolean checkHealth(Duration timeout, boolean connect) throws Exception {
        Generation<R> g = connect ? generations.acquire() : generations.acquireCurrent();
        if (g == null) {
            return false;
        }
        try {
            check(g.raw(), timeout);
            return true;
        } finally {
            g.release();
        }
    }

    /**
     * @return the failure of the last attempt to connect, if it failed and neither a later
     *         attempt succeeded nor {@link #reset()} was called since; its message holds no secret
     */
    public java.util.Optional<ConnectionException> lastFailure() {
        return java.util.Optional.ofNullable(generations.lastFailure());
    }

    /**
     * Keys this type reads, looked up through MicroProfile Config even when no secrets file has
     * them, so that an environment variable such as {@code CONNECTIONS_SQL_PASSWORD} alone can
     * supply one. Keys present in a file are always seen.
     *
     * @return the known keys, relative to the section
     */
    protected Set<String> knownKeys() {
        return Set.of();
    }

    /**
     * Checks, without connecting, that the parameters hold what {@link #connect} needs: called for
     * every injection point when the application deploys, so that a missing key fails the
     * deployment rather than the first request. The default accepts everything.
     *
     * <pre>{@code
     * protected void validate(ConnectionParameters params) {
     *     params.require("url");
     * }
     * }</pre>
     *
     * @param params the parameters {@link #connect} would see now
     * @throws ConnectionConfigException naming the missing or malformed key and how to set it
     */
    protected void validate(ConnectionParameters params) {
    }

    /**
     * Checks the configuration now, without connecting (see {@link #validate}).
     *
     * @throws ConnectionConfigException naming the missing or malformed key and how to set it
     */
    public void checkConfiguration() {
        try {
            validate(parameters());
        } catch (ConnectionConfigException e) {
            String nowhere = SecretsReader.whereSectionWasLookedFor(context.config(), name());
            if (nowhere.isEmpty()) {
                throw e;
            }
            throw new ConnectionConfigException(e.getMessage() + nowhere, e);
        }
    }

    /** @return how widely one handle is shared; {@link ConnectionScope#GLOBAL} by default */
    public ConnectionScope scope() {
        return ConnectionScope.GLOBAL;
    }

    /** @return the connection name, the {@code <name>} of {@code [connections.<name>]} */
    public String name() {
        return context.name();
    }

    /** @return the context this handle was made from */
    public ConnectionContext context() {
        return context;
    }

    /**
     * The secrets section {@code [connections.<name>]} as MicroProfile Config sees it now
     * (environment variables and system properties included), without the options given in code.
     *
     * @return the secrets, read-only
     */
    public ConnectionParameters secrets() {
        return context.secrets(knownKeys());
    }

    /**
     * The parameters {@link #connect} sees: the secrets with the options given in code laid over
     * them.
     *
     * @return the parameters, read-only
     */
    public ConnectionParameters parameters() {
        return context.parameters(knownKeys());
    }

    /**
     * The raw instance, connecting first if there is none. The instance stays usable until it
     * is retired; for work that must not see it closed underneath, use {@link #use(RawFunction)}.
     *
     * @return the raw instance
     * @throws ConnectionUnavailableException when connecting fails
     * @throws ConnectionClosedException      when this handle was closed
     */
    public R raw() {
        Generation<R> g = generations.acquire();
        try {
            return g.raw();
        } finally {
            g.release();
        }
    }

    /**
     * Runs work with the raw instance, connecting first if there is none. A raw instance retired
     * while the work runs is closed only after the work ends.
     *
     * <pre>{@code
     * String value = redis.use(client -> client.get("greeting"));
     * }</pre>
     *
     * @param work the work
     * @param <T>  the result type
     * @param <E>  the checked exception the work may throw
     * @return what the work returned
     * @throws E when the work throws it
     */
    public <T, E extends Exception> T use(RawFunction<R, T, E> work) throws E {
        Generation<R> g = generations.acquire();
        try {
            return work.apply(g.raw());
        } finally {
            g.release();
        }
    }

    /**
     * Holds the raw instance beyond one call, connecting first if there is none: it is not closed
     * before the lease is, even when it is retired meanwhile. For what a connection type hands to
     * its callers and that outlives a {@link #use(RawFunction)} call, such as a borrowed JDBC
     * connection, and for retry logic that must retire exactly the instance that failed.
     *
     * <pre>{@code
     * try (Lease<DataSource> lease = lease()) {
     *     return query(lease.raw());
     * }
     * }</pre>
     *
     * @return a lease; close it exactly once
     * @throws ConnectionUnavailableException when connecting fails
     * @throws ConnectionClosedException      when this handle was closed
     */
    protected Lease<R> lease() {
        return new Lease<>(generations.acquire());
    }

    /**
     * Retires the current raw instance, if any: it is closed once its in-flight uses end, and the
     * next use connects again. Safe to call at any time, from any thread.
     */
    public void reset() {
        generations.reset();
    }

    /**
     * Closes this handle: retires the raw instance and refuses later use. Called by the registry
     * when the application stops; calling it twice is harmless.
     */
    @Override
    public void close() {
        if (generations.isClosed()) {
            return;
        }
        generations.markClosed();
        reset();
        context.lifecycle().closed(this);
    }

    /** @return whether a raw instance exists now */
    public boolean isConnected() {
        return generations.isConnected();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return generations.isClosed();
    }

    /** @return the type, name and state; never a secret */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[name=" + name() + ", connected=" + isConnected()
                + (generations.isClosed() ? ", closed" : "") + "]";
    }

    /**
     * A hold on one raw instance, from {@link #lease()}: the instance is not closed before the
     * lease is closed. Closing twice is harmless.
     *
     * @param <R> the type of the raw instance
     */
    protected static final class Lease<R> implements AutoCloseable {
        private final Generation<R> generation;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(Generation<R> generation) {
            this.generation = generation;
        }

        /** @return the raw instance held */
        public R raw() {
            return generation.raw();
        }

        /**
         * Retires the raw instance held, if it is still the handle's current one, and only then:
         * many threads that failed on one broken instance retire it once, not each other's
         * replacements. It is closed when the last holder, this lease included, lets go.
         */
        public void retire() {
            generation.retire();
        }

        /** Lets go of the raw instance. */
        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                generation.release();
            }
        }
    }
}
