package io.cdiconnections.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.internal.Redaction;

/**
 * Where a SQL connection goes, worked out from its parameters without connecting: the JDBC URL
 * (never holding a user name or password, since HikariCP logs it), the driver class, the
 * credentials and the driver properties. Everything a deployment can check up front is checked
 * here: required keys, the dialect, the URL, the driver on the class path.
 *
 * @param dialect    the dialect, null for a JDBC URL of an unknown sub-protocol
 * @param driver     the driver chosen, null when left to {@link java.sql.DriverManager}
 * @param url        the JDBC URL
 * @param username   the user name, or null
 * @param password   the password, or null; never print it
 * @param properties the driver properties
 */
record JdbcTarget(Dialect dialect, JdbcDriver driver, String url, String username, String password,
                  Map<String, String> properties) {

    /** The keys that make up the connection's address, Streamlit's and ours. */
    static final Set<String> ADDRESS_KEYS = Set.of("url", "dialect", "driver", "username", "user", "password",
            "host", "port", "database");

    private static final String CONNECT_ARGS = "create_engine_kwargs.connect_args";

    JdbcTarget {
        properties = Map.copyOf(properties);
    }

    /**
     * @param p      the connection's parameters
     * @param driverPresent tells whether a JDBC driver class is on the class path
     * @return the target
     * @throws ConnectionConfigException naming the key, the dialect or the driver to add
     */
    static JdbcTarget resolve(ConnectionParameters p, Predicate<String> driverPresent) {
        if (p.keys().stream().noneMatch(k -> ADDRESS_KEYS.contains(k) || k.startsWith("query."))) {
            throw new ConnectionConfigException(SqlConfigMessages.sqlMissingConfiguration(p.connectionName()));
        }
        Optional<String> url = p.get("url");
        if (url.isPresent() && url.get().trim().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return fromJdbcUrl(p, url.get().trim(), driverPresent);
        }
        SqlUrl parts = url.map(u -> SqlUrl.parse(u).orElseThrow(
                        () -> new ConnectionConfigException(SqlConfigMessages.sqlBadUrl(p.connectionName()))))
                .orElseGet(() -> fromKeys(p));
        SqlUrl merged = overlay(parts, p);
        Dialect dialect = Dialect.named(merged.dialect()).orElseThrow(() -> new ConnectionConfigException(
                SqlConfigMessages.sqlUnknownDialect(p.connectionName(), merged.dialect(), url.isPresent() ? "url" : "dialect",
                        Dialect.supportedNames())));
        if (url.isEmpty()) {
            requireParts(p, dialect);
        }
        JdbcDriver driver = chooseDriver(p, dialect, javaDriverClass(p, merged.driver()), driverPresent);
        Map<String, String> props = new LinkedHashMap<>(merged.query());
        props.putAll(p.section(CONNECT_ARGS).asMap());
        dialect.translate(driver, props);
        String jdbcUrl = dialect.jdbcUrl(driver, merged, props);
        return new JdbcTarget(dialect, driver, jdbcUrl, merged.username(), merged.password(), props);
    }

    private static JdbcTarget fromJdbcUrl(ConnectionParameters p, String url, Predicate<String> driverPresent) {
        Optional<Dialect> dialect = Dialect.ofJdbcUrl(url);
        String javaClass = javaDriverClass(p, null);
        JdbcDriver driver = null;
        if (javaClass != null) {
            driver = checkedClass(p, javaClass, driverPresent, null);
        } else if (dialect.isPresent()) {
            String sub = url.substring(5).toLowerCase(Locale.ROOT);
            JdbcDriver wanted = dialect.get().drivers().stream().filter(d -> sub.startsWith(d.subprotocol() + ":"))
                    .findFirst().orElseThrow();
            if (!driverPresent.test(wanted.className())) {
                throw new ConnectionConfigException(SqlConfigMessages.sqlDriverMissing(p.connectionName(),
                        dialect.get().displayName(), List.of(wanted.coordinates())));
            }
            driver = wanted;
        } else {
            driver = acceptingDriver(p, url);
        }
        Map<String, String> props = new LinkedHashMap<>(p.section("query").asMap());
        props.putAll(p.section(CONNECT_ARGS).asMap());
        if (dialect.isPresent() && driver != null) {
            dialect.get().translate(driver, props);
        }
        // the URL's credentials go to the driver as properties; keys given separately win, as over a SQLAlchemy URL
        UrlCredentials split = UrlCredentials.of(url, p.connectionName());
        split.properties().forEach(props::putIfAbsent);
        return new JdbcTarget(dialect.orElse(null), driver, split.url(), username(p).orElse(split.user()),
                p.get("password").orElse(split.password()), props);
    }

    /** A sub-protocol we have no dialect for: some driver on the class path must accept it, or nothing connects. */
    private static JdbcDriver acceptingDriver(ConnectionParameters p, String url) {
        int colon = url.indexOf(':', 5);
        String subprotocol = url.substring(5, colon < 0 ? url.length() : colon).toLowerCase(Locale.ROOT);
        String className = JdbcDriver.accepting(url).orElseThrow(() -> new ConnectionConfigException(
                SqlConfigMessages.sqlNoDriverAcceptsUrl(p.connectionName(), subprotocol,
                        JdbcDriver.OTHER_COORDINATES.get(subprotocol))));
        return className.isEmpty() ? null : new JdbcDriver(className, "", subprotocol);
    }

    private static SqlUrl fromKeys(ConnectionParameters p) {
        String dialect = p.get("dialect").orElse(null);
        if (dialect == null) {
            List<String> missing = new ArrayList<>(List.of("dialect"));
            if (p.get("host").isEmpty()) {
                missing.add("host");
            }
            if (username(p).isEmpty()) {
                missing.add("username");
            }
            throw new ConnectionConfigException(SqlConfigMessages.sqlMissingParams(p.connectionName(), missing));
        }
        return new SqlUrl(dialect, null, null, null, null, null, null, Map.of());
    }

    private static void requireParts(ConnectionParameters p, Dialect dialect) {
        if (dialect.fileBased()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (p.get("host").isEmpty()) {
            missing.add("host");
        }
        if (username(p).isEmpty()) {
            missing.add("username");
        }
        if (!missing.isEmpty()) {
            throw new ConnectionConfigException(SqlConfigMessages.sqlMissingParams(p.connectionName(), missing));
        }
    }

    /** Keys given separately win over the URL's parts, so that an environment variable can supply one. */
    private static SqlUrl overlay(SqlUrl u, ConnectionParameters p) {
        Map<String, String> query = new LinkedHashMap<>(u.query());
        query.putAll(p.section("query").asMap());
        return new SqlUrl(p.get("dialect").filter(d -> u.dialect() == null).orElse(u.dialect()), u.driver(),
                username(p).orElse(u.username()), p.get("password").orElse(u.password()),
                p.get("host").orElse(u.host()), p.getInt("port").orElse(u.port()),
                p.get("database").orElse(u.database()), query);
    }

    private static Optional<String> username(ConnectionParameters p) {
        return p.get("username").or(() -> p.get("user"));
    }

    /** A {@code driver} naming a Java class is used; a Python driver name (psycopg2) is not. */
    private static String javaDriverClass(ConnectionParameters p, String urlDriver) {
        String d = p.get("driver").orElse(urlDriver);
        return d != null && d.indexOf('.') > 0 ? d.trim() : null;
    }

    private static JdbcDriver chooseDriver(ConnectionParameters p, Dialect dialect, String javaClass,
                                           Predicate<String> driverPresent) {
        if (javaClass != null) {
            return checkedClass(p, javaClass, driverPresent, dialect.drivers().get(0).subprotocol());
        }
        return dialect.drivers().stream().filter(d -> driverPresent.test(d.className())).findFirst()
                .orElseThrow(() -> new ConnectionConfigException(SqlConfigMessages.sqlDriverMissing(p.connectionName(),
                        dialect.displayName(), dialect.drivers().stream().map(JdbcDriver::coordinates).toList())));
    }

    /** A driver class named in {@code driver}: one we know keeps its identity, any other is taken as is. */
    private static JdbcDriver checkedClass(ConnectionParameters p, String javaClass, Predicate<String> driverPresent,
                                           String subprotocol) {
        if (!driverPresent.test(javaClass)) {
            throw new ConnectionConfigException(SqlConfigMessages.sqlDriverClassMissing(p.connectionName(), javaClass));
        }
        for (Dialect d : Dialect.values()) {
            for (JdbcDriver known : d.drivers()) {
                if (known.className().equals(javaClass)) {
                    return known;
                }
            }
        }
        return new JdbcDriver(javaClass, "", subprotocol);
    }

    /** @return the dialect and URL, for messages: never a password */
    String describe() {
        return (dialect == null ? "" : dialect.displayName() + " at ") + Redaction.url(url)
                + (username == null ? "" : " as user '" + username + "'");
    }

    /** @return the URL and driver; never the password */
    @Override
    public String toString() {
        return "JdbcTarget[" + describe() + ", driver=" + (driver == null ? "DriverManager" : driver.className())
                + ", properties=" + properties.keySet() + "]";
    }
}
