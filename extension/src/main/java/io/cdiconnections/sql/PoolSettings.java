package io.cdiconnections.sql;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import com.zaxxer.hikari.util.PropertyElf;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.internal.PoolNames;
import io.cdiconnections.internal.Redaction;

/**
 * Turns a connection's parameters into a HikariCP configuration: our defaults for servers, then
 * SQLAlchemy's {@code create_engine_kwargs} where HikariCP has an equivalent, then {@code pool.*}
 * by HikariCP property name, which wins.
 */
final class PoolSettings {

    /** How long a request thread waits for a pooled connection unless told otherwise: not Hikari's 30 s. */
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** SQLAlchemy's default {@code max_overflow}. */
    private static final int SQLALCHEMY_MAX_OVERFLOW = 10;

    /** create_engine keywords with no pool effect here, accepted without a word. */
    private static final Set<String> ACCEPTED = Set.of("pool_pre_ping", "future");

    private PoolSettings() {
    }

    /**
     * @param connection the connection name
     * @param target     where to connect
     * @param p          the parameters
     * @param ignored    told each {@code create_engine_kwargs} key that has no HikariCP equivalent
     * @return the configuration, not yet validated by HikariCP
     * @throws ConnectionConfigException naming the key whose value cannot be used
     */
    /** The default bound on one call on the wire: {@code call_timeout}. */
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
    /** Each driver's socket read timeout property. */
    private static final Map<JdbcDriver, String> CALL_TIMEOUT_PROPERTY = Map.of(
            JdbcDriver.POSTGRESQL, "socketTimeout",
            JdbcDriver.MARIADB, "socketTimeout",
            JdbcDriver.MYSQL, "socketTimeout",
            JdbcDriver.MSSQL, "socketTimeout",
            JdbcDriver.ORACLE, "oracle.jdbc.ReadTimeout");

    static HikariConfig configure(String connection, JdbcTarget target, ConnectionParameters p, Consumer<String> ignored) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(PoolNames.of(connection));
        c.setJdbcUrl(target.url());
        if (target.driver() != null) {
            try {
                c.setDriverClassName(target.driver().className());
            } catch (RuntimeException e) { // present but not a usable java.sql.Driver
                throw new ConnectionConfigException(SqlConfigMessages.sqlInvalidPool(connection,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        c.setUsername(target.username());
        c.setPassword(target.password());
        c.setConnectionTimeout(DEFAULT_CONNECTION_TIMEOUT.toMillis());
        p.getBoolean("autocommit").ifPresent(c::setAutoCommit);
        Properties props = new Properties();
        props.putAll(target.properties());
        c.setDataSourceProperties(props);
        engineKwargs(c, p, ignored);
        pool(c, connection, p);
        driverDefaults(target, connection, c.getConnectionTimeout(), c.getDataSourceProperties());
        callTimeout(target, p, c.getDataSourceProperties());
        return c;
    }

    private static void engineKwargs(HikariConfig c, ConnectionParameters p, Consumer<String> ignored) {
        ConnectionParameters kw = p.section("create_engine_kwargs");
        String prefix = "create_engine_kwargs.";
        kw.getInt("pool_size").ifPresent(size -> {
            int overflow = kw.getInt("max_overflow").filter(o -> o >= 0).orElse(SQLALCHEMY_MAX_OVERFLOW);
            c.setMinimumIdle(size);
            c.setMaximumPoolSize(Math.max(1, size + overflow));
        });
        if (kw.get("pool_size").isEmpty()) {
            kw.getInt("max_overflow").ifPresent(o -> ignored.accept(prefix + "max_overflow"));
        }
        kw.getInt("max_overflow").filter(o -> o < 0).ifPresent(o -> ignored.accept(prefix + "max_overflow"));
        kw.getInt("pool_recycle").ifPresent(s -> c.setMaxLifetime(s < 0 ? 0 : s * 1000L));
        kw.getDuration("pool_timeout").ifPresent(d -> c.setConnectionTimeout(d.toMillis()));
        kw.get("isolation_level").ifPresent(level -> isolation(c, p.connectionName(), level));
        for (String key : kw.keys()) {
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!top.equals("connect_args") && !ACCEPTED.contains(top) && !Set.of("pool_size", "max_overflow",
                    "pool_recycle", "pool_timeout", "isolation_level").contains(top)) {
                ignored.accept(prefix + key);
            }
        }
    }

    private static void isolation(HikariConfig c, String connection, String level) {
        String l = level.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (l.equals("AUTOCOMMIT")) {
            c.setAutoCommit(true);
        } else if (Set.of("READ_UNCOMMITTED", "READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE").contains(l)) {
            c.setTransactionIsolation("TRANSACTION_" + l);
        } else {
            throw new ConnectionConfigException(SqlConfigMessages.sqlBadIsolationLevel(connection));
        }
    }

    /** {@code pool.maximumPoolSize = 20}: any HikariCP property, set through its own property mechanism. */
    private static void pool(HikariConfig c, String connection, ConnectionParameters p) {
        for (Map.Entry<String, String> e : p.section("pool").asMap().entrySet()) {
            Properties one = new Properties();
            one.setProperty(e.getKey(), e.getValue());
            try {
                PropertyElf.setTargetFromProperties(c, one);
            } catch (RuntimeException ex) {
                throw new ConnectionConfigException(SqlConfigMessages.sqlBadPoolSetting(connection, "pool." + e.getKey()));
            }
        }
    }

    /**
     * Hands HikariCP a {@link DriverDataSource} that holds the password and every secret-looking
     * driver property ({@code sslpassword}, {@code keyStorePassword}, {@code api_key}, ...), keeping
     * them out of the configuration HikariCP dumps at DEBUG, which masks only a property named
     * exactly {@code password}. The pool connects through it as it would through its own; the
     * dump shows the URL, the user and the names of the other properties. A {@code DataSource}
     * class of the user's own ({@code pool.dataSourceClassName}) is left to HikariCP.
     *
     * @param c the configuration, changed in place
     * @throws RuntimeException when the driver cannot be loaded (HikariCP's own message, URL without secrets)
     */
    static void hideSecrets(HikariConfig c) {
        if (c.getJdbcUrl() == null || c.getDataSourceClassName() != null || c.getDataSource() != null
                || c.getDataSourceJNDI() != null) {
            return;
        }
        Properties shown = c.getDataSourceProperties(); // HikariCP's own object: what it will print
        Properties all = PropertyElf.copyProperties(shown);
        c.setDataSource(new DriverDataSource(c.getJdbcUrl(), c.getDriverClassName(), all, c.getUsername(),
                c.getPassword()));
        shown.keySet().removeIf(key -> Redaction.isSecretKey(key.toString()));
        c.setPassword(null);
    }

    /**
     * Bounds the driver's own connect wait by the pool's, and names the application to PostgreSQL,
     * unless the user set them.
     */
    /**
     * Bounds every call on the wire: the driver's socket (read) timeout, so that a database or a
     * network that hangs after the pool is up fails a call instead of blocking it forever.
     * {@code call_timeout} sets it (default {@link #DEFAULT_CALL_TIMEOUT}; {@code 0} for none, for
     * analytical queries that run longer without a byte); a timeout the user gave the driver
     * (in the URL or as a property) wins. Embedded databases (H2 in memory or in a file, SQLite,
     * DuckDB) have no wire and no bound.
     */
    private static void callTimeout(JdbcTarget target, ConnectionParameters p, Properties props) {
        if (target.driver() == null) {
            return;
        }
        Duration timeout = p.getDuration("call_timeout").orElse(DEFAULT_CALL_TIMEOUT);
        String property = CALL_TIMEOUT_PROPERTY.get(target.driver());
        if (property == null || timeout.isZero()
                || target.url().toLowerCase(Locale.ROOT).contains(property.toLowerCase(Locale.ROOT))) {
            return;
        }
        long millis = Math.max(1, timeout.toMillis());
        String value = target.driver().equals(JdbcDriver.POSTGRESQL)
                ? Long.toString(Math.max(1, (millis + 999) / 1000)) // pgjdbc counts seconds
                : Long.toString(millis);
        props.putIfAbsent(property, value);
    }

    private static void driverDefaults(JdbcTarget target, String connection, long timeoutMillis, Properties props) {
        if (target.driver() == null) {
            return;
        }
        long seconds = Math.max(1, (timeoutMillis + 999) / 1000);
        if (target.driver().equals(JdbcDriver.POSTGRESQL)) {
            props.putIfAbsent("connectTimeout", Long.toString(seconds));
            props.putIfAbsent("ApplicationName", PoolNames.of(connection));
        } else if (target.driver().equals(JdbcDriver.MARIADB) || target.driver().equals(JdbcDriver.MYSQL)) {
            props.putIfAbsent("connectTimeout", Long.toString(seconds * 1000));
        }
    }
}
