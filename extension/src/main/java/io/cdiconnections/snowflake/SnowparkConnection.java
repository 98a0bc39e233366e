package io.cdiconnections.snowflake;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.RawFunction;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.sql.JdbcQueries;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Table;

/**
 * Deprecated: a Snowpark session, Streamlit's {@code SnowparkConnection}, which Streamlit
 * removed in 1.59. Use {@link SnowflakeConnection}, whose {@link SnowflakeConnection#session()}
 * gives a Snowpark session too. Kept because existing secrets name {@code type = "snowpark"};
 * the first connect logs a deprecation warning.
 *
 * <pre>{@code
 * @Inject @Connection(name = "snowpark") SnowparkConnection snowpark;
 *
 * Table t = snowpark.query("select * from orders");
 * long n = snowpark.withSession(Session.class, s -> s.table("orders").count());
 * }</pre>
 *
 * <p><b>Parameters.</b> As Streamlit reads them: the options given in code over the
 * {@code [connections.<name>]} section of secrets.toml over SnowSQL's {@code ~/.snowsql/config}
 * ({@code [connections.<name>]}, else {@code [connections]}; {@code accountname},
 * {@code username}, {@code password}, {@code dbname}, {@code schemaname}, {@code warehousename},
 * {@code rolename}). {@code account} is required. The keys mean what they mean for
 * {@link SnowflakeConnection}.
 *
 * <p><b>Raw instance.</b> A {@code com.snowflake.snowpark_java.Session} made with
 * {@code Session.builder().configs(map).create()}; Snowpark ({@code com.snowflake:snowpark}) and
 * the Snowflake JDBC driver are optional dependencies, reached by reflection. Snowpark sessions
 * are not thread-safe, so {@link #query} and {@link #withSession} hold a lock, as Streamlit does.
 *
 * @deprecated use {@link SnowflakeConnection}
 */
@Deprecated(since = "0.1.0")
public class SnowparkConnection extends BaseConnection<Object> {

    private static final System.Logger LOG = System.getLogger(SnowparkConnection.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final Set<String> KNOWN_KEYS = Set.of("account", "user", "password", "authenticator",
            "private_key_file", "private_key_file_pwd", "token", "host", "port", "protocol", "warehouse", "database",
            "schema", "role", "query_ttl", "retry_attempts", "retry_wait", "login_timeout", "network_timeout",
            "cache", "cache_provider", "cache_uri", "cache_name");

    /** Creates a Snowpark session from its configs; the real Snowpark, or a stand-in in tests. */
    @FunctionalInterface
    interface SessionFactory {
        Object create(String connection, Map<String, String> configs) throws Exception;
    }

    static final SessionFactory SNOWPARK = (connection, configs) -> {
        Class<?> sessionClass = Snowpark.require(connection, "SnowparkConnection");
        SnowflakeJdbc.require(connection);
        return Snowpark.create(sessionClass, configs);
    };

    private final ReentrantLock lock = new ReentrantLock();
    private final JdbcQueries<Object> queries;
    private final SnowflakeEnvironment environment;
    private final SessionFactory factory;

    /**
     * @param context the name, options and owner of this handle
     */
    public SnowparkConnection(ConnectionContext context) {
        this(context, SnowflakeEnvironment.of(context.config()), SNOWPARK);
    }

    /** For CDI client proxies only; applications never call it. */
    protected SnowparkConnection() {
        this.environment = null;
        this.factory = null;
        this.queries = null;
    }

    SnowparkConnection(ConnectionContext context, SnowflakeEnvironment environment, SessionFactory factory) {
        super(context);
        this.environment = environment;
        this.factory = factory;
        this.queries = SnowflakeJdbc.queries(SnowparkConnection.class, context.name(),
                session -> JdbcQueries.share(Snowpark.jdbcConnection(session), () -> { }));
    }

    /** Lets the next connect log the deprecation warning again (for tests). */
    static void resetDeprecationWarning() {
        WARNED.set(false);
    }

    @Override
    protected Set<String> knownKeys() {
        return KNOWN_KEYS;
    }

    /**
     * Streamlit's order: {@code ~/.snowsql/config}, then secrets, then options, later winning.
     *
     * @param params the parameters BaseConnection merged
     * @return the resolved parameters
     * @throws ConnectionConfigException when nothing is configured or {@code account} is missing
     */
    Map<String, String> resolve(ConnectionParameters params) {
        Map<String, String> merged = new HashMap<>(SnowsqlConfig.load(name(), environment));
        Map<String, String> options = new HashMap<>();
        params.asMap().forEach((k, v) -> {
            if (params.isFromOptions(k)) {
                options.put(k, v);
            } else if (!v.isBlank()) {
                merged.put(k, v);
            }
        });
        merged.putAll(options);
        merged.remove("type");
        if (merged.isEmpty()) {
            throw new ConnectionConfigException(SnowflakeMessages.snowparkMissingConfiguration(name(),
                    SnowsqlConfig.location(environment).toString()));
        }
        String account = merged.get("account");
        if (account == null || account.isBlank()) {
            throw new ConnectionConfigException(SnowflakeMessages.snowparkMissingParam(name(), "account"));
        }
        return merged;
    }

    /**
     * The deployment-time check: configuration present, {@code account} set, the rest usable.
     *
     * @param params the parameters {@link #connect} would see now
     */
    @Override
    protected void validate(ConnectionParameters params) {
        Map<String, String> values = resolve(params);
        SnowflakeTarget.from(name(), values);
        JdbcQueries.validateParameters(ConnectionParameters.of(name(), values));
    }

    /**
     * @param params the parameters
     * @return the map this handle hands to {@code Session.builder().configs(...)}
     */
    Map<String, String> sessionConfigs(ConnectionParameters params) {
        return SnowflakeTarget.from(name(), resolve(params)).snowparkConfigs();
    }

    @Override
    protected Object connect(ConnectionParameters params) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, SnowflakeMessages.snowparkDeprecated(name()));
        }
        Map<String, String> values = resolve(params);
        SnowflakeTarget target = SnowflakeTarget.from(name(), values);
        queries.configure(ConnectionParameters.of(name(), values));
        try {
            return factory.create(name(), target.snowparkConfigs());
        } catch (ConnectionConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConnectionUnavailableException(SnowflakeMessages.snowparkSessionFailed(name(),
                    Redaction.redact(e.getClass().getSimpleName() + ": " + e.getMessage(), values)),
                    Redaction.scrub(e, values));
        }
    }

    @Override
    protected void retired(Object raw) {
        queries.dropAll(raw);
    }

    @Override
    protected void close(Object raw) throws Exception {
        Snowpark.close(raw);
    }

    /**
     * Runs a query through the session's JDBC connection, under the session's lock; as
     * {@link SnowflakeConnection#query(String)}, with the same retry.
     *
     * <pre>{@code
     * Table t = snowpark.query("select * from orders");
     * }</pre>
     *
     * @param sql the query
     * @return the result
     */
    public Table query(String sql) {
        return query(sql, QueryOptions.defaults());
    }

    /**
     * @param sql     the query, with {@code :name} parameters
     * @param options its parameters, ttl and limits
     * @return the result
     * @see SnowflakeConnection#query(String, QueryOptions)
     */
    public Table query(String sql, QueryOptions options) {
        lock.lock();
        try {
            return queries.query(sql, options, this::hold);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The Snowpark session itself ({@code com.snowflake.snowpark_java.Session}), without the
     * lock: Snowpark sessions are not thread-safe, so prefer {@link #withSession}.
     *
     * @param <S> {@code com.snowflake.snowpark_java.Session}
     * @return the session
     */
    @SuppressWarnings("unchecked")
    public <S> S session() {
        return (S) raw();
    }

    /**
     * Runs work on the session under its lock (Streamlit's {@code safe_session()}).
     *
     * <pre>{@code
     * long n = snowpark.withSession(Session.class, s -> s.table("orders").count());
     * }</pre>
     *
     * @param type {@code com.snowflake.snowpark_java.Session.class}
     * @param work the work
     * @param <S>  the session type
     * @param <T>  the result type
     * @param <E>  what the work may throw
     * @return what the work returned
     * @throws E when the work throws it
     */
    public <S, T, E extends Exception> T withSession(Class<S> type, RawFunction<S, T, E> work) throws E {
        lock.lock();
        try {
            return use(raw -> work.apply(type.cast(raw)));
        } finally {
            lock.unlock();
        }
    }

    private JdbcQueries.Hold<Object> hold() {
        Lease<Object> lease = lease();
        return new JdbcQueries.Hold<>(lease.raw(), lease::retire, lease::close);
    }
}
