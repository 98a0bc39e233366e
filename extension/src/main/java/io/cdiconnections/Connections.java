package io.cdiconnections;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Registries;
import io.cdiconnections.internal.registry.Resolution;

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

    private final ConnectionRegistry registry;

    private Connections(ConnectionRegistry registry) {
        this.registry = registry;
    }

    /**
     * An instance bound to one registry: what the CDI extension injects. Not for applications.
     *
     * @param registry the deployment's registry
     * @return the instance
     */
    public static Connections boundTo(ConnectionRegistry registry) {
        return new Connections(Objects.requireNonNull(registry, "registry"));
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
        return Registries.current().get(name, null);
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
        return Registries.current().get(name, Objects.requireNonNull(type, "type"));
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
        private final ConnectionRegistry registry;
        private final String name;
        private String type = "";
        private Class<?> typeClass;
        private String ttl = "";
        private int maxEntries = Connection.UNBOUNDED;
        private final Map<String, String> options = new TreeMap<>();

        private Builder(ConnectionRegistry registry, String name) {
            this.registry = registry;
            this.name = name;
            ConnectionRequest.of(name, "", null, "", Connection.UNBOUNDED, Map.of(), where());
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
            return ttl(Objects.requireNonNull(ttl, "ttl").toString());
        }

        /**
         * @param ttl ISO-8601 ({@code "PT10M"}) or seconds ({@code "600"}); {@code "0"} means forever
         * @return this builder
         * @throws ConnectionConfigException when it is not a duration
         */
        public Builder ttl(String ttl) {
            String t = Objects.requireNonNull(ttl, "ttl").trim();
            ConnectionRequest.of(name, "", null, t, Connection.UNBOUNDED, Map.of(), where());
            this.ttl = t;
            return this;
        }

        /**
         * @param maxEntries how many live raw instances this cache keeps, positive, or
         *                   {@link Connection#UNBOUNDED}
         * @return this builder
         * @throws ConnectionConfigException when it is zero or negative (other than UNBOUNDED)
         */
        public Builder maxEntries(int maxEntries) {
            ConnectionRequest.of(name, "", null, "", maxEntries, Map.of(), where());
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * @param key   a key of the secrets section, such as {@code database} or {@code pool.maximumPoolSize}
         * @param value its value, which takes precedence over secrets
         * @return this builder
         */
        public Builder option(String key, String value) {
            Objects.requireNonNull(key, "key");
            ConnectionRequest.of(name, "", null, "", Connection.UNBOUNDED, Map.of(key.trim(),
                    Objects.requireNonNull(value, "value")), where());
            options.put(key.trim(), value);
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
            String where = where();
            ConnectionRequest request = ConnectionRequest.of(name, type(), typeClass, ttl, maxEntries, options, where);
            ConnectionRegistry r = registry != null ? registry : Registries.current();
            Resolution resolution = r.resolve(request, type, where);
            BaseConnection<?> handle = r.handle(resolution);
            return type == null ? (T) handle : type.cast(handle);
        }

        private String type() {
            return type;
        }

        private String where() {
            return ConnectionMessages.builderCall(name);
        }
    }
}
