package io.cdiconnections;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

import io.cdiconnections.internal.RequestArguments;

/**
 * Connections without injection: Streamlit's {@code st.connection(...)} as one call. Works in a
 * CDI container (sharing handles with {@link Connection @Connection} injection points that have
 * the same arguments) and in plain Java SE with a MicroProfile Config implementation on the
 * class path.
 *
 * <pre>{@code
 * SQLConnection sql = Connections.get("sql", SQLConnection.class);
 * SQLConnection pg  = Connections.builder("analytics").type("sql").ttl(Duration.ofMinutes(10))
 *                                .maxEntries(4).option("database", "reports").get(SQLConnection.class);
 * }</pre>
 *
 * <p>Inside CDI an instance is injectable too ({@code @Inject Connections connections}); its
 * {@link #select} and {@link #named} methods use the registry of the deployment that injected it,
 * whatever the calling thread's context class loader.
 *
 * <p>Handles of a type whose {@link BaseConnection#scope() scope()} is
 * {@link ConnectionScope#SESSION} are not shared: each call returns a new handle that the caller
 * closes. Inject them to have one per HTTP session.
 */
public final class Connections {

    private final ConnectionSource registry;

    private Connections(ConnectionSource registry) {
        this.registry = registry;
    }

    /**
     * An instance bound to one registry: what the CDI extension injects. Not for applications.
     *
     * @param registry the deployment's registry
     * @return the instance
     */
    public static Connections boundTo(ConnectionSource registry) {
        return new Connections(Objects.requireNonNull(registry, "registry"));
    }

    /** @return the service that forwards to the registry of the calling application */
    private static ConnectionSource current() {
        return Current.SOURCE;
    }

    /**
     * The connection of this name, its type inferred from the {@code type} key of its secrets
     * section or from the name ({@code sql}, {@code snowflake}, {@code snowpark}).
     *
     * <pre>{@code
     * BaseConnection<?> sql = Connections.get("sql");
     * }</pre>
     *
     * @param name the connection name, or {@code env:VAR}
     * @return the shared handle
     * @throws ConnectionException when the type cannot be resolved
     */
    public static BaseConnection<?> get(String name) {
        return current().get(name, null);
    }

    /**
     * The connection of this name and type.
     *
     * <pre>{@code
     * SQLConnection sql = Connections.get("sql", SQLConnection.class);
     * }</pre>
     *
     * @param name the connection name, or {@code env:VAR}
     * @param type the connection class (or a supertype, and the type comes from secrets or the name)
     * @param <T>  the type
     * @return the shared handle
     * @throws ConnectionException when the type cannot be resolved or is not a {@code type}
     */
    public static <T extends BaseConnection<?>> T get(String name, Class<T> type) {
        return current().get(name, Objects.requireNonNull(type, "type"));
    }

    /**
     * A builder for a connection with a type, ttl, maxEntries or options.
     *
     * @param name the connection name, or {@code env:VAR}
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(null, name);
    }

    /**
     * As {@link #get(String)}, with this instance's registry.
     *
     * @param name the connection name
     * @return the shared handle
     */
    public BaseConnection<?> select(String name) {
        return registry.get(name, null);
    }

    /**
     * As {@link #get(String, Class)}, with this instance's registry.
     *
     * @param name the connection name
     * @param type the connection class
     * @param <T>  the type
     * @return the shared handle
     */
    public <T extends BaseConnection<?>> T select(String name, Class<T> type) {
        return registry.get(name, Objects.requireNonNull(type, "type"));
    }

    /**
     * As {@link #builder(String)}, with this instance's registry.
     *
     * @param name the connection name
     * @return the builder
     */
    public Builder named(String name) {
        return new Builder(registry, name);
    }

    /**
     * The arguments of one connection. Each method checks its argument at once and throws a
     * {@link ConnectionConfigException} naming the fix.
     */
    public static final class Builder {
        private final ConnectionSource registry;
        private final String name;
        private String type = "";
        private Class<?> typeClass;
        /** The ttl given (zero means forever), or null for the default. */
        private Duration ttl;
        private int maxEntries = Connection.UNBOUNDED;
        private final SortedMap<String, String> options = new TreeMap<>();

        private Builder(ConnectionSource registry, String name) {
            this.registry = registry;
            this.name = name;
            RequestArguments.name(name, where(), ConnectionConfigException::new);
        }

        /**
         * @param type a short name ({@code "sql"}) or the fully qualified name of a connection class
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            this.typeClass = null;
            return this;
        }

        /**
         * @param type the connection class
         * @return this builder
         */
        public Builder type(Class<? extends BaseConnection<?>> type) {
            this.typeClass = Objects.requireNonNull(type, "type");
            this.type = "";
            return this;
        }

        /**
         * @param ttl how long a raw instance lives; zero means forever
         * @return this builder
         * @throws ConnectionConfigException when it is negative
         */
        public Builder ttl(Duration ttl) {
            this.ttl = RequestArguments.ttl(name, Objects.requireNonNull(ttl, "ttl"), where(),
                    ConnectionConfigException::new);
            return this;
        }

        /**
         * @param ttl ISO-8601 ({@code "PT10M"}) or seconds ({@code "600"}); {@code "0"} means forever
         * @return this builder
         * @throws ConnectionConfigException when it is not a duration
         */
        public Builder ttl(String ttl) {
            this.ttl = RequestArguments.ttl(name, Objects.requireNonNull(ttl, "ttl").trim(), where(),
                    ConnectionConfigException::new);
            return this;
        }

        /**
         * @param maxEntries how many live raw instances this cache keeps, positive, or
         *                   {@link Connection#UNBOUNDED}
         * @return this builder
         * @throws ConnectionConfigException when it is zero or negative (other than UNBOUNDED)
         */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = RequestArguments.maxEntries(name, maxEntries, where(), ConnectionConfigException::new);
            return this;
        }

        /**
         * @param key   a key of the secrets section, such as {@code database} or {@code pool.maximumPoolSize}
         * @param value its value, which takes precedence over secrets
         * @return this builder
         */
        public Builder option(String key, String value) {
            String k = Objects.requireNonNull(key, "key").trim();
            RequestArguments.option(name, k, Objects.requireNonNull(value, "value"), where(),
                    ConnectionConfigException::new);
            options.put(k, value);
            return this;
        }

        /**
         * @param options keys and values that take precedence over secrets
         * @return this builder
         */
        public Builder options(Map<String, String> options) {
            options.forEach(this::option);
            return this;
        }

        /**
         * The connection, typed as the variable it is assigned to; the class is not checked against
         * that type here, so a wrong one fails with a {@link ClassCastException} where it is used.
         * {@link #get(Class)} checks it.
         *
         * <pre>{@code
         * SQLConnection pg = Connections.builder("analytics").type("sql").option("database", "reports").get();
         * }</pre>
         *
         * @param <T> the type of the variable it is assigned to
         * @return the connection, its type inferred when none was given
         * @throws ConnectionException when the type cannot be resolved
         */
        public <T extends BaseConnection<?>> T get() {
            return get((Class<T>) null);
        }

        /**
         * @param type the expected class
         * @param <T>  the type
         * @return the connection
         * @throws ConnectionException when the type cannot be resolved or does not match
         */
        @SuppressWarnings("unchecked")
        public <T extends BaseConnection<?>> T get(Class<T> type) {
            ConnectionSource r = registry != null ? registry : current();
            BaseConnection<?> handle = r.get(name, this.type, typeClass, ttl, maxEntries, options, type, where());
            return type == null ? (T) handle : type.cast(handle);
        }

        private String where() {
            return ConnectionMessages.builderCall(name);
        }
    }

    /** The {@link ConnectionSource} service, found once, on first use. */
    private static final class Current {
        static final ConnectionSource SOURCE = load();

        private static ConnectionSource load() {
            ClassLoader ours = Connections.class.getClassLoader();
            ServiceConfigurationError error = null;
            Iterator<ConnectionSource> it = ServiceLoader.load(ConnectionSource.class, ours).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    return it.next();
                } catch (ServiceConfigurationError e) {
                    error = e; // the service of another copy of the library, not ours: try the next one
                }
            }
            throw new IllegalStateException(ConnectionMessages.noConnectionSource(), error);
        }
    }
}
