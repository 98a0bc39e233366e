package io.cdiconnections.internal.registry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.internal.Durations;

/**
 * Resolves requests: the name ({@code env:} looked up), the class ({@link TypeResolver}), the
 * ttl (the default applied when none was given) and the class's scope. The registry's, and the
 * CDI extension's and the checker's through it, so that all resolve alike.
 *
 * <p>Internal.
 */
public final class RequestResolver {

    /** The config key of the ttl of connections that name none (Streamlit's {@code runner.connectionDefaultTTL}). */
    public static final String DEFAULT_TTL_KEY = "cdi-connections.default-ttl";

    private final Config config;
    private final TypeResolver types;
    /** A type's scope, asked once of a throwaway handle. */
    private final ConcurrentHashMap<Class<?>, ConnectionScope> scopes = new ConcurrentHashMap<>();

    /**
     * @param config where secrets and settings are read
     * @param loader the application's class loader, for type names
     */
    public RequestResolver(Config config, ClassLoader loader) {
        this.config = config;
        this.types = new TypeResolver(config, loader);
    }

    /**
     * Resolves a request: the name, the class, the ttl (with the default) and the bound.
     *
     * @param request  the request as written
     * @param javaType the Java type asked for, or null
     * @return the resolution
     * @throws io.cdiconnections.ConnectionException naming what is wrong and how to fix it
     */
    public Resolution resolve(ConnectionRequest request, Class<?> javaType) {
        String name = types.resolveName(request.name(), request.where());
        Class<? extends BaseConnection<?>> type = types.resolve(name, request, javaType);
        Duration ttl = request.ttl() == null ? defaultTtl() : request.ttl();
        if (ttl != null && ttl.isZero()) {
            ttl = null;
        }
        ConnectionScope scope = scopes.computeIfAbsent(type, t -> TypeResolver.detachedHandle(type, name, config).scope());
        return new Resolution(request.where(), name, type, request.options(), ttl, request.maxEntries(), scope);
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
}
