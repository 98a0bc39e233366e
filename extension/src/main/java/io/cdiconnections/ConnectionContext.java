package io.cdiconnections;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.cdiconnections.internal.SecretsReader;

/**
 * What a connection handle is made from: its name, the options given in code, its ttl and
 * maxEntries, the MicroProfile {@link Config} its secrets are read from, and the lifecycle hooks
 * of its owner. Every {@link BaseConnection} subclass has a public constructor that takes one
 * (and, to be injected, a protected one without parameters):
 *
 * <pre>{@code
 * public class RedisConnection extends BaseConnection<RedisClient> {
 *     public RedisConnection(ConnectionContext context) {
 *         super(context);
 *     }
 *
 *     protected RedisConnection() { }   // for CDI client proxies only
 *     ...
 * }
 * }</pre>
 *
 * <p>The registry creates contexts; tests of a connection type may create one with
 * {@link #of(String, Map)}.
 */
public final class ConnectionContext {

    private final String name;
    private final Map<String, String> options;
    private final Duration ttl;
    private final int maxEntries;
    private final Config config;
    private final ConnectionLifecycle lifecycle;

    /**
     * @param name       the connection name (already resolved from {@code env:})
     * @param options    options given in code, flattened keys to values; they override secrets
     * @param ttl        how long a raw instance lives, or null for forever
     * @param maxEntries the bound of the cache that holds the handle, or {@link Connection#UNBOUNDED}
     * @param config     where secrets are read from
     * @param lifecycle  the owner's hooks
     */
    public ConnectionContext(String name, Map<String, String> options, Duration ttl, int maxEntries,
                             Config config, ConnectionLifecycle lifecycle) {
        this.name = Objects.requireNonNull(name, "name");
        this.options = Map.copyOf(options);
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.config = Objects.requireNonNull(config, "config");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * A context outside any registry: secrets from the current MicroProfile Config, no ttl, no
     * bound. For tests of a connection type and for handles an application manages itself.
     *
     * @param name    the connection name
     * @param options options that override secrets
     * @return the context
     */
    public static ConnectionContext of(String name, Map<String, String> options) {
        return new ConnectionContext(name, options, null, Connection.UNBOUNDED,
                ConfigProvider.getConfig(), ConnectionLifecycle.NONE);
    }

    /** @return the connection name */
    public String name() {
        return name;
    }

    /** @return the options given in code, unmodifiable */
    public Map<String, String> options() {
        return options;
    }

    /** @return how long a raw instance lives, empty for forever */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** @return the bound of the cache that holds the handle, or {@link Connection#UNBOUNDED} */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return the configuration secrets are read from */
    public Config config() {
        return config;
    }

    /** @return the owner's lifecycle hooks */
    public ConnectionLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * The {@code [connections.<name>]} section as MicroProfile Config sees it now.
     *
     * @param knownKeys keys looked up even when no file has them, so that an environment
     *                  variable alone can supply them
     * @return the secrets, without options
     */
    ConnectionParameters secrets(Set<String> knownKeys) {
        return ConnectionParameters.of(name, read(knownKeys));
    }

    /**
     * The secrets with the options laid over them: what {@code connect} sees.
     *
     * @param knownKeys as for {@link #secrets(Set)}
     * @return the merged parameters
     */
    ConnectionParameters parameters(Set<String> knownKeys) {
        Map<String, String> merged = new HashMap<>(read(knownKeys));
        merged.putAll(options);
        return new ConnectionParameters(name, merged, options.keySet());
    }

    private Map<String, String> read(Set<String> knownKeys) {
        try {
            return SecretsReader.read(config, name, knownKeys);
        } catch (SecretsReader.AmbiguousVariableException e) {
            throw new ConnectionConfigException(e.getMessage());
        }
    }

    /** @return the name, option keys, ttl and bound; never values */
    @Override
    public String toString() {
        return "ConnectionContext[name=" + name + ", options=" + options.keySet()
                + ", ttl=" + (ttl == null ? "forever" : ttl) + ", maxEntries="
                + (maxEntries == Connection.UNBOUNDED ? "unbounded" : maxEntries) + "]";
    }
}
