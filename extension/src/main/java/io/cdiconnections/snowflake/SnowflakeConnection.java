package io.cdiconnections.snowflake;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.sql.JdbcQueries;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Table;

/**
 * Snowflake through its JDBC driver: Streamlit's {@code SnowflakeConnection}, configured by the
 * same {@code [connections.<name>]} section of secrets.toml, or by the Snowflake drivers' own
 * {@code ~/.snowflake/connections.toml}.
 *
 * <pre>{@code
 * [connections.snowflake]
 * account = "myorg-myaccount"
 * user = "me"
 * private_key_file = "/keys/rsa_key.p8"
 * warehouse = "COMPUTE_WH"
 * database = "SALES"
 * schema = "PUBLIC"
 * }</pre>
 *
 * <pre>{@code
 * @Inject @Connection(name = "snowflake") SnowflakeConnection snowflake;
 *
 * Table t = snowflake.query("select * from orders where region = :region", Map.of("region", "EU"));
 * }</pre>
 *
 * <p><b>Parameters.</b> {@code account} (or {@code host} and {@code port}), {@code user},
 * {@code password}, {@code authenticator}, {@code private_key_file} with
 * {@code private_key_file_pwd}, {@code token}, {@code warehouse}, {@code database},
 * {@code schema}, {@code role}; any other key goes to the driver as a property (see
 * {@code docs/snowflake.md} for the renames). Code options win over secrets, secrets over the
 * connections.toml section that {@code connection_name} names - or, with no secrets section, the
 * default connection for the name {@code snowflake} ({@code SNOWFLAKE_HOME},
 * {@code SNOWFLAKE_DEFAULT_CONNECTION_NAME}, {@code [default]}). The session's
 * {@code JDBC_QUERY_RESULT_FORMAT} is {@code JSON} unless set, since Arrow needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17 and later.
 *
 * <p><b>Raw instance.</b> One Snowflake JDBC connection (a session), shared by every caller as
 * Streamlit shares one. The driver ({@code net.snowflake:snowflake-jdbc}, 3.x or 4.x) is an
 * optional dependency, found by class name: without it, connecting fails with the coordinates to add.
 *
 * <p><b>Use.</b> {@link #query} reads (retried up to 3 times, 1 s apart, with a new session, only
 * when the session expired or the connection is gone), {@link #update} writes (never retried),
 * {@link #connection()} hands out JDBC, {@link #session()} a Snowpark session. Thread-safe.
 */
public class SnowflakeConnection extends BaseConnection<Connection> {

    private static final System.Logger LOG = System.getLogger(SnowflakeConnection.class.getName());

    private static final Set<String> KNOWN_KEYS = Set.of("account", "user", "username", "password", "authenticator",
            "private_key_file", "private_key_path", "private_key_file_pwd", "private_key_passphrase", "passphrase",
            "token", "host", "port", "protocol", "region", "warehouse", "database", "schema", "role",
            "connection_name", "query_ttl", "retry_attempts", "retry_wait", "login_timeout", "network_timeout",
            "client_session_keep_alive", "jdbc_query_result_format", "query_tag", "timezone", "autocommit",
            "cache", "cache_provider", "cache_uri", "cache_name");

    /** Opens a JDBC connection to a target; the real driver, or a stand-in in tests. */
    @FunctionalInterface
    interface Connector {
        Connection open(String connection, SnowflakeTarget target) throws SQLException;
    }

    static final Connector DRIVER = (connection, target) -> {
        Driver driver = SnowflakeJdbc.require(connection);
        return SnowflakeJdbc.connect(driver, target);
    };

    private final JdbcQueries<Connection> queries;
    private final SnowflakeEnvironment environment;
    private final Connector connector;

    /**
     * @param context the name, options and owner of this handle
     */
    public SnowflakeConnection(ConnectionContext context) {
        this(context, SnowflakeEnvironment.of(context.config()), DRIVER);
    }

    /** For CDI client proxies only; applications never call it. */
    protected SnowflakeConnection() {
        this.environment = null;
        this.connector = null;
        this.queries = null;
    }

    SnowflakeConnection(ConnectionContext context, SnowflakeEnvironment environment, Connector connector) {
        super(context);
        this.environment = environment;
        this.connector = connector;
        this.queries = SnowflakeJdbc.queries(SnowflakeConnection.class, context.name(),
                session -> JdbcQueries.share(session, () -> { }));
    }

    // ------------------------------------------------------------------ parameters

    /**
     * Checks, without connecting, that parameters name a Snowflake account this class can reach:
     * some configuration somewhere, an account or host, a port that is one, a connections.toml
     * section that exists when one is named, and the driver on the class path. Reads
     * connections.toml from the real environment.
     *
     * <pre>{@code
     * SnowflakeConnection.validateParameters(snowflake.parameters());   // at deployment
     * }</pre>
     *
     * @param params the parameters
     * @throws ConnectionConfigException naming the key, the file or the dependency to add
     */
    public static void validateParameters(ConnectionParameters params) {
        validate(params, SnowflakeEnvironment.of(ConfigProvider.getConfig()));
    }

    /**
     * The deployment-time check, {@link #validateParameters(ConnectionParameters)} with this
     * handle's environment.
     *
     * @param params the parameters {@link #connect} would see now
     */
    @Override
    protected void validate(ConnectionParameters params) {
        validate(params, environment);
    }

    private static void validate(ConnectionParameters params, SnowflakeEnvironment env) {
        SnowflakeConfig.Resolved resolved = SnowflakeConfig.resolve(params, env);
        SnowflakeTarget.from(params.connectionName(), resolved.values());
        JdbcQueries.validateParameters(ConnectionParameters.of(params.connectionName(), resolved.values()));
        SnowflakeJdbc.require(params.connectionName());
    }

    @Override
    protected Set<String> knownKeys() {
        return KNOWN_KEYS;
    }

    /**
     * @param params the parameters
     * @return the resolved parameters (connections.toml, secrets, options)
     */
    SnowflakeConfig.Resolved resolve(ConnectionParameters params) {
        return SnowflakeConfig.resolve(params, environment);
    }

    /**
     * @return where this handle would connect now and with which driver properties
     */
    SnowflakeTarget target() {
        ConnectionParameters p = parameters();
        return SnowflakeTarget.from(name(), resolve(p).values());
    }

    // ------------------------------------------------------------------ connect

    @Override
    protected Connection connect(ConnectionParameters params) {
        SnowflakeConfig.Resolved resolved = resolve(params);
        queries.configure(ConnectionParameters.of(name(), resolved.values()));
        SnowflakeTarget target = SnowflakeTarget.from(name(), resolved.values());
        LOG.log(System.Logger.Level.DEBUG, () -> "Connection '" + name() + "': connecting to " + target.describe()
                + " from " + resolved.origin());
        try {
            return connector.open(name(), target);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof ConnectionConfigException cce) {
                throw cce;
            }
            Map<String, String> values = resolved.values();
            throw new ConnectionUnavailableException(SnowflakeMessages.snowflakeConnectFailed(name(), target.describe(),
                    Redaction.redact(describe(e), values)), Redaction.scrub(e, values));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        if (e instanceof SQLException s && s.getSQLState() != null) {
            sb.append(" [SQLState ").append(s.getSQLState()).append(", error ").append(s.getErrorCode()).append(']');
        }
        return sb.toString();
    }

    /** Cached results belong to the session they were read from, and go with it. */
    @Override
    protected void retired(Connection raw) {
        queries.dropAll(raw);
    }

    @Override
    protected void close(Connection raw) throws SQLException {
        raw.close();
    }

    // ------------------------------------------------------------------ reads and writes

    /**
     * Runs a query and returns its rows.
     *
     * <pre>{@code
     * Table t = snowflake.query("select current_warehouse() as wh");
     * }</pre>
     *
     * @param sql the query
     * @return the result
     * @throws io.cdiconnections.sql.QueryException when the query fails or is not a query (produces no
     *                                              result set)
     * @throws ConnectionUnavailableException       when Snowflake cannot be reached
     */
    public Table query(String sql) {
        return query(sql, QueryOptions.defaults());
    }

    /**
     * Runs a query with {@code :name} parameters, bound by the driver, never spliced into the text.
     * (A colon after a word character, as in {@code src:price}, is Snowflake's path syntax and
     * left alone.)
     *
     * <pre>{@code
     * Table t = snowflake.query("select * from orders where region = :region and total > :min",
     *         Map.of("region", "EU", "min", 100));
     * }</pre>
     *
     * @param sql    the query
     * @param params the values by name
     * @return the result
     */
    public Table query(String sql, Map<String, ?> params) {
        return query(sql, QueryOptions.defaults().params(params));
    }

    /**
     * Runs a query with parameters, a result ttl and limits, as {@code SQLConnection.query} does:
     * with a ttl (here or {@code query_ttl} in secrets) the result is served again for the same
     * SQL, parameters and limits until the ttl passes or the session is retired.
     *
     * <pre>{@code
     * Table t = snowflake.query("select * from orders where region = :region",
     *         QueryOptions.defaults().param("region", "EU").ttl(Duration.ofMinutes(10)));
     * }</pre>
     *
     * @param sql     the query
     * @param options its parameters, ttl and limits
     * @return the result
     */
    public Table query(String sql, QueryOptions options) {
        return queries.query(sql, options, this::hold);
    }

    /**
     * Runs a statement that changes data or schema. Never retried.
     *
     * <pre>{@code
     * snowflake.update("insert into events (kind) values (:kind)", Map.of("kind", "login"));
     * }</pre>
     *
     * @param sql    the statement
     * @param params the values by name
     * @return the number of rows changed
     */
    public int update(String sql, Map<String, ?> params) {
        return queries.update(sql, params, this::hold);
    }

    /**
     * @param sql the statement
     * @return the number of rows changed
     * @see #update(String, Map)
     */
    public int update(String sql) {
        return update(sql, Map.of());
    }

    private JdbcQueries.Hold<Connection> hold() {
        Lease<Connection> lease = lease();
        return new JdbcQueries.Hold<>(lease.raw(), lease::retire, lease::close);
    }

    // ------------------------------------------------------------------ JDBC and Snowpark

    /**
     * The session's JDBC connection, for what {@code query} does not cover (Streamlit's
     * {@code cursor()} and {@code raw_connection}). It is shared: closing it lets go of your hold
     * but does not end the session, which is closed after a reset once every holder let go. Do not
     * change its auto-commit or session state; use {@link #update} for writes.
     *
     * <pre>{@code
     * try (java.sql.Connection c = snowflake.connection();
     *      java.sql.Statement st = c.createStatement()) {
     *     st.execute("alter session set query_tag = 'report'");
     * }
     * }</pre>
     *
     * @return the connection; close it when done
     * @throws ConnectionUnavailableException when Snowflake cannot be reached
     */
    public Connection connection() {
        Lease<Connection> lease = lease();
        return JdbcQueries.share(lease.raw(), lease::close);
    }

    /**
     * A new Snowpark session ({@code com.snowflake.snowpark_java.Session}) made from this
     * connection's parameters, as Streamlit's {@code session()} makes one. Each call logs in
     * anew; close the session when done. Needs {@code com.snowflake:snowpark} on the class path.
     *
     * <pre>{@code
     * com.snowflake.snowpark_java.Session session = snowflake.session();
     * try {
     *     long n = session.table("orders").count();
     * } finally {
     *     session.close();
     * }
     * }</pre>
     *
     * @param <S> {@code com.snowflake.snowpark_java.Session}
     * @return the session
     * @throws ConnectionConfigException      when Snowpark is not on the class path (naming its coordinates)
     * @throws ConnectionUnavailableException when the session cannot be created
     */
    @SuppressWarnings("unchecked")
    public <S> S session() {
        Class<?> sessionClass = Snowpark.require(name(), "SnowflakeConnection.session()");
        SnowflakeConfig.Resolved resolved = resolve(parameters());
        SnowflakeTarget target = SnowflakeTarget.from(name(), resolved.values());
        try {
            return (S) Snowpark.create(sessionClass, target.snowparkConfigs());
        } catch (Exception e) {
            throw new ConnectionUnavailableException(SnowflakeMessages.snowparkSessionFailed(name(),
                    Redaction.redact(describe(e), resolved.values())), Redaction.scrub(e, resolved.values()));
        }
    }

    /** @return the number of cached query results (for tests) */
    long cachedResults() {
        return queries.cachedResults();
    }
}
