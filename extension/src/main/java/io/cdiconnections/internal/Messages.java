package io.cdiconnections.internal;

import java.util.List;

import io.cdiconnections.BaseConnection;

/**
 * Every text a user can see, in one place. Each message names the connection and the key or
 * injection point, and says what to write; none contains a secret value.
 */
public final class Messages {

    private Messages() {
    }

    // ---------------------------------------------------------------- parameters and keys

    /**
     * @param connection the connection name
     * @param key        the key relative to the section
     * @return the message for a required key that no source sets
     */
    public static String missingKey(String connection, String key) {
        return "Connection '" + connection + "' is missing the key '" + key + "'. Set it in the "
                + section(connection) + " section of secrets.toml (" + key + " = \"...\"), "
                + "as the environment variable " + envVar(connection, key)
                + ", or as an option in code (@Connection(options = \"" + key + "=...\")).";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @param value      its value (a size, not a secret)
     * @return the message for a size that does not read
     */
    public static String sqlBadSize(String connection, String key, String value) {
        return "Connection '" + connection + "': " + key + " = \"" + value + "\" is not a size. Give bytes (33554432) "
                + "or a number with KiB, MiB or GiB (\"32MiB\"), in [connections." + connection + "] or "
                + "CONNECTIONS_" + connection.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                + key.toUpperCase(java.util.Locale.ROOT) + ".";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be an integer
     */
    public static String notAnInteger(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a whole number, "
                + "such as " + key + " = 5 in the " + section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be a boolean
     */
    public static String notABoolean(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be true or false, "
                + "such as " + key + " = true in the " + section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be a duration
     */
    public static String notADuration(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a duration that is not "
                + "negative: whole seconds (" + key + " = 600) or ISO-8601 (" + key + " = \"PT10M\").";
    }

    // ---------------------------------------------------------------- handle lifecycle

    /**
     * @param connection the handle
     * @return the message for a handle used after close
     */
    public static String connectionClosed(BaseConnection<?> connection) {
        return "Connection '" + connection.name() + "' (" + connection.getClass().getSimpleName()
                + ") was closed, most likely because the application is shutting down. "
                + "Obtain a new one with Connections.get(\"" + connection.name() + "\") or by injection.";
    }

    /**
     * @param connection  the handle
     * @param causeText   the redacted message of the failure
     * @param cause       the failure
     * @return the message for a failed connect
     */
    public static String connectFailed(BaseConnection<?> connection, String causeText, Throwable cause) {
        return "Connection '" + connection.name() + "' (" + connection.getClass().getSimpleName()
                + ") could not connect: " + cause.getClass().getSimpleName() + ": " + causeText
                + ". Check the " + section(connection.name()) + " section of secrets.toml and its "
                + "environment overrides; the next use tries again.";
    }

    /**
     * @param connection the handle
     * @return the message for a connect method that returned null
     */
    public static String connectReturnedNull(BaseConnection<?> connection) {
        return connection.getClass().getName() + ".connect(...) returned null for connection '"
                + connection.name() + "'. A connection type must return its raw instance or throw.";
    }

    /**
     * @param connection the handle
     * @param error      what closing threw
     * @return the log message for a raw instance that failed to close
     */
    public static String closeFailed(BaseConnection<?> connection, Throwable error) {
        return "Closing a retired raw instance of connection '" + connection.name() + "' ("
                + connection.getClass().getSimpleName() + ") failed: " + error.getClass().getName()
                + ". It was dropped all the same.";
    }

    // ---------------------------------------------------------------- type resolution, registry, CDI

    private static final String SHORT_NAMES = "\"sql\", \"snowflake\" or \"snowpark\"";

    /**
     * @param where how the user wrote the request
     * @return the message for an empty connection name
     */
    public static String emptyName(String where) {
        return where + ": the connection name is empty. Name the [connections.<name>] section of "
                + "secrets.toml to use, such as @Connection(name = \"sql\") or Connections.get(\"sql\").";
    }

    /**
     * @param name  the name as written
     * @param where how the user wrote it
     * @return the message for {@code env:} without a variable
     */
    public static String emptyEnvName(String name, String where) {
        return where + ": the name '" + name + "' names no variable. Write env:VAR, where the config "
                + "property or environment variable VAR holds the connection name.";
    }

    /**
     * @param name  the name as written
     * @param var   the variable
     * @param where how the user wrote it
     * @return the message for an {@code env:} variable that is not set
     */
    public static String envNameMissing(String name, String var, String where) {
        return where + ": the connection name '" + name + "' comes from the variable " + var
                + ", which is not set. Set the environment variable " + var + " (or the config property "
                + var + ", e.g. -D" + var + "=sql) to the name of a [connections.<name>] section.";
    }

    /**
     * @param connection the connection name
     * @param ttl        the ttl as written
     * @param where      how the user wrote it
     * @return the message for a ttl that is not a duration
     */
    public static String badTtl(String connection, String ttl, String where) {
        return "Connection '" + connection + "': the ttl '" + ttl + "' in " + where + " is not a duration "
                + "that is not negative. Write ISO-8601 (ttl = \"PT10M\"), whole seconds (ttl = \"600\"), "
                + "or \"0\" to keep the raw instance forever.";
    }

    /**
     * @param connection the connection name
     * @param maxEntries the bound given
     * @param where      how the user wrote it
     * @return the message for a bound that is zero or negative
     */
    public static String badMaxEntries(String connection, int maxEntries, String where) {
        return "Connection '" + connection + "': maxEntries = " + maxEntries + " in " + where + " is not "
                + "allowed. Write a positive number of live raw instances to keep (maxEntries = 4), or "
                + "leave it out (Connection.UNBOUNDED) for no bound.";
    }

    /**
     * @param connection the connection name
     * @param option     the option as written; a value is never shown
     * @param where      how the user wrote it
     * @return the message for an option that is not {@code key=value}
     */
    public static String malformedOption(String connection, String option, String where) {
        int eq = option.indexOf('=');
        String shown = eq < 0 ? option : option.substring(0, eq) + "=...";
        return "Connection '" + connection + "': the option \"" + shown + "\" in " + where + " is not of "
                + "the form key=value. Write options = {\"database=reports\"}, the key as in the "
                + section(connection) + " section of secrets.toml.";
    }

    /**
     * @param key   the config key
     * @param value its value (a duration setting, not a secret)
     * @return the message for a bad default ttl
     */
    public static String badDefaultTtl(String key, String value) {
        return "The config key " + key + " = \"" + value + "\" is not a duration that is not negative. "
                + "Write ISO-8601 (" + key + "=PT10M), whole seconds (" + key + "=600), or 0 to keep "
                + "raw instances forever; connections that give their own ttl are not affected.";
    }

    /**
     * @param connection the connection name
     * @param where      how the user wrote the request
     * @return the message for a connection whose type cannot be inferred
     */
    public static String noType(String connection, String where) {
        return "Connection '" + connection + "' (" + where + ") has no type. Say which one: add type = \"sql\" "
                + "to the " + section(connection) + " section of secrets.toml, write @Connection(name = \""
                + connection + "\", type = \"sql\") or Connections.builder(\"" + connection + "\").type(\"sql\"), "
                + "or inject a concrete type such as SQLConnection. A type is " + SHORT_NAMES
                + ", or the fully qualified name of a BaseConnection subclass.";
    }

    /**
     * @param connection the connection name
     * @param files      the secrets files read, in order (empty when none was found)
     * @param searched   every place looked at, for when none was found
     * @return the sentence added to a configuration problem when no source has a single key of the
     *         connection's section: where the section was looked for
     */
    public static String sectionNowhere(String connection, List<String> files, List<String> searched) {
        if (files.isEmpty()) {
            return " No " + section(connection) + " section was found because no secrets file was found; looked "
                    + "for: " + String.join(", ", searched) + ". Put secrets.toml in one of those places, or "
                    + "name it in secrets.files (system property) or SECRETS_FILES (environment variable).";
        }
        return " No " + section(connection) + " section was found in the secrets files read ("
                + String.join(", ", files) + ") nor in environment variables or system properties: check the "
                + "section's name and the file's location.";
    }

    /**
     * @param connection the connection name
     * @return the sentence added to a configuration problem when no key of the connection's section
     *         is set and no secrets config source is registered
     */
    public static String noSecretsSource(String connection) {
        return " No " + section(connection) + " section was found, and no secrets.toml is read at all: the "
                + "secrets config source is not registered. Add cdi-connections-config-source to the "
                + "application (it registers itself through META-INF/services).";
    }

    /**
     * @param connection the connection name
     * @param type       the short name written
     * @param source     where it was written
     * @return the message for an unknown short name
     */
    public static String unknownShortName(String connection, String type, String source) {
        return "Connection '" + connection + "': the type '" + type + "' (" + source + ") is not a known "
                + "short name. Write " + SHORT_NAMES + ", or the fully qualified name of a BaseConnection "
                + "subclass such as \"com.example.RedisConnection\".";
    }

    /**
     * @param connection the connection name
     * @param type       the short name
     * @param className  the class it stands for
     * @param source     where it was written
     * @return the message for a built-in type whose class is not on the class path
     */
    public static String builtInTypeMissing(String connection, String type, String className, String source) {
        return "Connection '" + connection + "': the built-in type '" + type + "' (" + source + ") needs the "
                + "class " + className + ", which is not on the class path of this application. Use a version "
                + "of io.cdiconnections:cdi-connections that has it, or another type: " + SHORT_NAMES
                + ", or the fully qualified name of a BaseConnection subclass.";
    }

    /**
     * @param connection the connection name
     * @param className  the class name written
     * @param source     where it was written
     * @return the message for a class that cannot be loaded
     */
    public static String classNotFound(String connection, String className, String source) {
        return "Connection '" + connection + "': the type class " + className + " (" + source + ") was not "
                + "found by the application's class loader. Check the spelling and that its jar is in the "
                + "application, or use a short name: " + SHORT_NAMES + ".";
    }

    /**
     * @param connection the connection name
     * @param type       the class
     * @param where      how the user wrote the request
     * @return the message for a class that does not extend BaseConnection
     */
    public static String notAConnectionClass(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " is not a subclass of "
                + "io.cdiconnections.BaseConnection. Name a connection type: " + SHORT_NAMES
                + ", or a class that extends BaseConnection.";
    }

    /**
     * @param connection the connection name
     * @param type       the class
     * @param where      how the user wrote the request
     * @return the message for an abstract connection class
     */
    public static String abstractConnectionClass(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " is abstract and "
                + "cannot be created. Name a concrete subclass of it, or a short name: " + SHORT_NAMES + ".";
    }

    /**
     * @param connection the connection name
     * @param type       the class
     * @param where      how the user wrote the request
     * @return the message for a class without the constructor the registry calls
     */
    public static String noContextConstructor(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " has no public "
                + "constructor taking a ConnectionContext. Add one: public " + type.getSimpleName()
                + "(ConnectionContext context) { super(context); } (and make the class public).";
    }

    /**
     * @param connection the connection name
     * @param type       the class
     * @param cause      what its constructor threw
     * @return the message for a constructor that failed
     */
    public static String constructorFailed(String connection, Class<?> type, Throwable cause) {
        return "Connection '" + connection + "': the constructor " + type.getSimpleName()
                + "(ConnectionContext) failed with " + cause.getClass().getName() + ". A constructor should "
                + "only keep its context; connect in connect(ConnectionParameters).";
    }

    /**
     * @param connection   the connection name
     * @param firstSource  where the first type came from
     * @param first        the first type
     * @param secondSource where the second came from
     * @param second       the second type
     * @param where        how the user wrote the request
     * @return the message for two sources that name different types
     */
    public static String typesDisagree(String connection, String firstSource, Class<?> first,
                                       String secondSource, Class<?> second, String where) {
        return "Connection '" + connection + "' (" + where + "): " + firstSource + " says "
                + first.getSimpleName() + " but " + secondSource + " says " + second.getSimpleName()
                + ". Make them agree: change or remove one of them.";
    }

    /**
     * @param connection the connection name
     * @param javaType   the Java type asked for
     * @param where      how the user wrote the request
     * @return the message for a Java type that is no connection type at all
     */
    public static String notAConnectionJavaType(String connection, Class<?> javaType, String where) {
        return "Connection '" + connection + "' (" + where + "): the Java type " + javaType.getName()
                + " is not a connection type. Declare it as BaseConnection<?>, SQLConnection or another "
                + "subclass of io.cdiconnections.BaseConnection.";
    }

    /**
     * @param connection the connection name
     * @param javaType   the Java type asked for
     * @param type       the resolved class
     * @param where      how the user wrote the request
     * @return the message for a resolved class the Java type cannot hold
     */
    public static String javaTypeMismatch(String connection, Class<?> javaType, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + ") is a " + type.getSimpleName()
                + ", which the Java type " + javaType.getSimpleName() + " cannot hold. Declare it as "
                + type.getSimpleName() + " (or BaseConnection<?>), or change the type in "
                + section(connection) + " of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @return the message for a request after the application stopped
     */
    public static String registryClosed(String connection) {
        return "Connection '" + connection + "' was asked for after the application's connections were "
                + "closed (the application is shutting down or was undeployed).";
    }

    /**
     * @param connection the connection name
     * @param type       its class
     * @param ttl1       the first ttl (null: forever)
     * @param max1       the first bound
     * @param ttl2       the other ttl
     * @param max2       the other bound
     * @return the log message for the same connection asked for with two ttl/maxEntries
     */
    public static String twoPools(String connection, Class<?> type, java.time.Duration ttl1, int max1,
                                  java.time.Duration ttl2, int max2) {
        return "Connection '" + connection + "' (" + type.getSimpleName() + ") is asked for with the same "
                + "name and options but with different ttl or maxEntries (ttl " + ttlText(ttl1) + ", maxEntries "
                + maxText(max1) + " and ttl " + ttlText(ttl2) + ", maxEntries " + maxText(max2) + "), so it has "
                + "two handles and two pools. Give every @Connection and Connections call of '" + connection
                + "' the same ttl and maxEntries to share one.";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param cause      what its {@code validate} threw
     * @return the problem, reported as a definition error, for a {@code validate} method that failed
     *         unexpectedly
     */
    public static String validationFailed(String connection, Class<?> type, Throwable cause) {
        return "Connection '" + connection + "': checking its configuration with " + type.getSimpleName()
                + ".validate(...) failed with " + cause.getClass().getName() + ". A validate method should throw "
                + "ConnectionConfigException naming the missing key, as params.require(\"url\") does.";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param where      how the user wrote the request
     * @return the problem, reported as a definition error, for an injected class without the
     *         constructor CDI proxies need
     */
    public static String noProxyConstructor(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " has no non-private "
                + "constructor without parameters, which CDI needs to make the client proxy of an injected "
                + "connection. Add one: protected " + type.getSimpleName() + "() { } (it is used by proxies only).";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param where      how the user wrote the request
     * @return the definition error for an injected class that is final
     */
    public static String finalClass(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " is a final class, so CDI "
                + "cannot make the client proxy of an injected connection. Remove final from its declaration: "
                + "public class " + type.getSimpleName() + " extends ... (Connections.get works with a final class).";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param method     the final method, such as {@code MyConnection.get()}
     * @param where      how the user wrote the request
     * @return the problem, reported as a definition error, for an injected class with a final method
     */
    public static String finalMethod(String connection, Class<?> type, String method, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " cannot have a CDI client "
                + "proxy because the method " + method + " is final. Remove final from it (or make it private).";
    }

    /**
     * @param injectionPoint the injection point, such as {@code OrderService.sql}
     * @param problem        the problem and its fix
     * @return the definition error, reported at the end of {@code AfterBeanDiscovery}
     */
    public static String injectionPointProblem(String injectionPoint, String problem) {
        return "Injection point " + injectionPoint + ": " + problem;
    }

    private static String ttlText(java.time.Duration ttl) {
        return ttl == null ? "forever" : ttl.toString();
    }

    private static String maxText(int max) {
        return max < 0 ? "unbounded" : Integer.toString(max);
    }

    // ---------------------------------------------------------------- SQL

    /**
     * @param connection the connection name
     * @return the message for a SQL connection with no address keys at all (Streamlit's words)
     */
    public static String sqlMissingConfiguration(String connection) {
        return "Missing SQL DB connection configuration for connection '" + connection + "'. Did you forget to "
                + "set this in secrets.toml, as environment variables, or as options in code? Write a "
                + section(connection) + " section with url = \"postgresql://user:password@host:5432/db\" "
                + "(or dialect, host, username, password, database), set " + envVar(connection, "url")
                + ", or give @Connection(options = \"url=...\").";
    }

    /**
     * @param connection the connection name
     * @param keys       the missing keys
     * @return the message for required keys that no source sets (Streamlit's words, then the fix)
     */
    public static String sqlMissingParams(String connection, java.util.List<String> keys) {
        StringBuilder where = new StringBuilder();
        for (String key : keys) {
            where.append(where.length() == 0 ? "" : ", ").append(key).append(" (").append(envVar(connection, key))
                    .append(')');
        }
        return "Missing SQL DB connection param" + (keys.size() == 1 ? "" : "s") + ": " + String.join(", ", keys)
                + ". Connection '" + connection + "': set " + (keys.size() == 1 ? "it" : "them") + " in the "
                + section(connection) + " section of secrets.toml, as environment variables " + where
                + ", or as options in code (@Connection(options = \"" + keys.get(0) + "=...\")); "
                + "or give a url instead.";
    }

    /**
     * @param connection the connection name
     * @return the message for a url that is neither a JDBC nor a SQLAlchemy URL (its text is not
     *         quoted: it may hold a password)
     */
    public static String sqlBadUrl(String connection) {
        return "Connection '" + connection + "': the key 'url' is neither a JDBC URL (jdbc:...) nor a SQLAlchemy "
                + "URL (dialect[+driver]://user:password@host:port/database?key=value). Check its form in the "
                + section(connection) + " section of secrets.toml or " + envVar(connection, "url")
                + "; a password holding @, : or / must be percent-encoded (@ is %40).";
    }

    /**
     * @param connection the connection name
     * @param dialect    the dialect as written
     * @param key        the key it came from ({@code url} or {@code dialect})
     * @param supported  the dialect names we support
     * @return the message for a dialect we do not know
     */
    public static String sqlUnknownDialect(String connection, String dialect, String key, String supported) {
        return "Connection '" + connection + "': the SQL dialect '" + dialect + "' (from the key '" + key
                + "') is not one cdi-connections knows. Use one of " + supported
                + ", or give a JDBC URL (url = \"jdbc:...\") and the driver class (driver = \"com.example.Driver\").";
    }

    /**
     * @param connection  the connection name
     * @param dialect     the dialect
     * @param coordinates the Maven coordinates of the drivers that would do, preferred first
     * @return the message for a JDBC driver missing from the class path
     */
    public static String sqlDriverMissing(String connection, String dialect, java.util.List<String> coordinates) {
        return "Connection '" + connection + "': no JDBC driver for the " + dialect + " dialect is on the class path. "
                + "Add the Maven dependency " + String.join(" (or " , coordinates)
                + ")".repeat(coordinates.size() - 1) + " to the application (in a WAR, to WEB-INF/lib).";
    }

    /**
     * @param connection  the connection name
     * @param subprotocol what follows {@code jdbc:} in the URL
     * @param coordinates the Maven coordinates of the driver, when the database is known; or null
     * @return Streamlit's "You may be missing a dependency", for a JDBC URL no driver accepts
     */
    public static String sqlNoDriverAcceptsUrl(String connection, String subprotocol, String coordinates) {
        return "Connection '" + connection + "': no JDBC driver on the class path accepts the URL of the key 'url' "
                + "(jdbc:" + subprotocol + ":...). You may be missing a dependency: "
                + (coordinates == null
                        ? "add the JDBC driver jar of your database to the application (WEB-INF/lib) or the server"
                        : "add the Maven dependency " + coordinates + " to the application (in a WAR, to WEB-INF/lib)")
                + ". If the driver is there, check the URL's spelling (jdbc:" + subprotocol + ":...), or name its "
                + "class with driver = \"com.example.Driver\" in the " + section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param className  the driver class named in {@code driver}
     * @return the message for a driver class that cannot be loaded
     */
    public static String sqlDriverClassMissing(String connection, String className) {
        return "Connection '" + connection + "': the JDBC driver class '" + className + "' named by the key 'driver' "
                + "is not on the class path. Add the jar that holds it, or remove 'driver' from the "
                + section(connection) + " section to use the dialect's default driver.";
    }


    /**
     * @param connection the connection name
     * @return the message for an isolation_level SQLAlchemy or JDBC does not name
     */
    public static String sqlBadIsolationLevel(String connection) {
        return "Connection '" + connection + "': create_engine_kwargs.isolation_level must be one of AUTOCOMMIT, "
                + "READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.";
    }

    /**
     * @param connection the connection name
     * @param key        the {@code pool.*} key
     * @return the message for a pool key that is not a HikariCP property or has a value of the wrong kind
     */
    public static String sqlBadPoolSetting(String connection, String key) {
        return "Connection '" + connection + "': '" + key + "' is not a HikariCP setting, or its value is not of "
                + "the right kind. Keys under pool are HikariCP property names with numbers in milliseconds, such as "
                + "pool.maximumPoolSize = 10 or pool.connectionTimeout = 5000 in the " + section(connection)
                + " section (see https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby).";
    }

    /**
     * @param connection the connection name
     * @param problem    HikariCP's own (redacted) complaint
     * @return the message for a pool configuration HikariCP refuses
     */
    public static String sqlInvalidPool(String connection, String problem) {
        return "Connection '" + connection + "': HikariCP refused the pool settings: " + problem
                + ". Check create_engine_kwargs and pool.* in the " + section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param key        the ignored key, such as {@code create_engine_kwargs.echo}
     * @return the warning for a create_engine keyword with no HikariCP equivalent
     */
    public static String sqlIgnoredEngineKwarg(String connection, String key) {
        return "Connection '" + connection + "': '" + key + "' has no HikariCP equivalent and is ignored. "
                + "Set HikariCP properties with pool.<property> in the " + section(connection) + " section.";
    }

    /**
     * @param connection the connection name
     * @param keys       the options given in code that SQLConnection does not understand
     * @return the message naming them and what an option may be
     */
    public static String sqlUnknownOptions(String connection, List<String> keys) {
        String quoted = keys.stream().map(k -> "'" + k + "'").collect(java.util.stream.Collectors.joining(", "));
        return "Connection '" + connection + "': the option" + (keys.size() == 1 ? " " : "s ") + quoted
                + (keys.size() == 1 ? " is" : " are") + " neither a parameter of SQLConnection nor a SQLAlchemy "
                + "create_engine keyword. An option given in code is a parameter (url, dialect, driver, username, "
                + "password, host, port, database, query.<name>, query_ttl, autocommit, ...), a create_engine keyword "
                + "(pool_size, max_overflow, pool_recycle, pool_timeout, pool_pre_ping, isolation_level, "
                + "connect_args.<name>, ...), which wins over create_engine_kwargs in secrets, or a HikariCP property "
                + "(pool.<property>). Correct the name or remove the option.";
    }

    /**
     * @param connection the connection name
     * @param target     the dialect, JDBC URL and user (never a password)
     * @param cause      the redacted cause
     * @return the message for a pool that could not open its first connection
     */
    public static String sqlConnectFailed(String connection, String target, String cause) {
        return "Connection '" + connection + "' (SQLConnection) could not connect to " + target + ": " + cause
                + ". Check that the database is up and reachable, and the host, port, database, username and "
                + "password in the " + section(connection) + " section of secrets.toml and their environment "
                + "overrides (such as " + envVar(connection, "password") + "); the next use tries again.";
    }

    /**
     * @param connection the connection name
     * @param attempts   how many attempts were made
     * @param cause      the redacted cause of the last failure
     * @return the message for a read that failed on every attempt for want of a database
     */
    public static String sqlReadUnavailable(String connection, int attempts, String cause) {
        return "Connection '" + connection + "': the database could not be reached; the query failed "
                + attempts + " time" + (attempts == 1 ? "" : "s") + ", with a reconnect between attempts. Last error: "
                + cause + ". The next call tries again.";
    }

    /**
     * @param connection the connection name
     * @param cause      the redacted cause
     * @return a query that is not known to be a read lost its connection after it was sent
     */
    public static String sqlQueryNotRetried(String connection, String cause) {
        return "Connection '" + connection + "': the connection was lost while the statement ran: " + cause
                + ". It is not retried, since it is not known to be a read (it does not start with SELECT, VALUES, "
                + "TABLE, SHOW, DESCRIBE or EXPLAIN, or it names INSERT, UPDATE, DELETE, MERGE or INTO) and may "
                + "already have been applied; check before repeating it, or pass QueryOptions.retry(true) if it is "
                + "safe to run twice.";
    }

    /**
     * @param connection the connection name
     * @param cause      the redacted cause
     * @return the message for a write, transaction or borrowed connection that lost the database
     */
    public static String sqlWriteUnavailable(String connection, String cause) {
        return "Connection '" + connection + "': the database could not be reached: " + cause
                + ". Writes are never retried, since one that met a lost connection may already have been applied; "
                + "check before repeating it.";
    }

    /**
     * @param connection the connection name
     * @param sqlState   the SQLState, or null
     * @param cause      the database's (redacted) message
     * @param sql        the start of the statement
     * @return the message for a statement the database refused
     */
    public static String sqlStatementFailed(String connection, String sqlState, String cause, String sql) {
        return "Connection '" + connection + "': the statement failed" + (sqlState == null ? "" : " (SQLState "
                + sqlState + ")") + ": " + cause + (sql.isEmpty() ? "" : ". Statement: " + sql);
    }

    /**
     * @param connection the connection name
     * @return the message for query() on a statement that is not a query (produces no result set); an
     *         empty result is an empty table, not this
     */
    public static String sqlNoResultSet(String connection) {
        return "Connection '" + connection + "': query() ran a statement that is not a query (produces no "
                + "result set). Use update() for insert, update, delete and DDL statements; query() is for "
                + "statements that produce a result set, even an empty one, and is retried when the connection "
                + "is lost.";
    }

    /**
     * @param connection the connection name
     * @param wait       the pause before the next attempt
     * @return the log message before a read is tried again
     */
    public static String sqlRetrying(String connection, java.time.Duration wait) {
        return "Connection '" + connection + "': the database could not be reached; reconnecting and trying the "
                + "query again in " + wait.toMillis() + " ms.";
    }

    /**
     * @param connection   the connection name
     * @param unterminated what never ends and where
     * @param given        the names of the values given
     * @return the message for a statement whose parameters cannot be found for sure
     */
    public static String sqlUnterminated(String connection, String unterminated, java.util.Collection<String> given) {
        return "Connection '" + connection + "': the statement has " + unterminated + ", read as this connection's "
                + "database reads it, so its :name parameters " + new java.util.TreeSet<>(given) + " cannot be "
                + "bound for sure. Close it, or escape the quote as the database expects (doubled, or with a "
                + "backslash on MySQL and MariaDB and in PostgreSQL's E'...' strings).";
    }

    /**
     * @param connection the connection name
     * @param name       the parameter without a value
     * @param given      the names of the values given
     * @return the message for a {@code :name} with no value
     */
    public static String sqlMissingParameter(String connection, String name, java.util.Collection<String> given) {
        return "Connection '" + connection + "': the SQL uses the parameter :" + name + " but no value named '" + name
                + "' was given (values given: " + (given.isEmpty() ? "none" : String.join(", ", given))
                + "). Pass it, as in query(sql, Map.of(\"" + name + "\", value)); a literal colon is written \\:"
                + name + ".";
    }

    /**
     * @param connection the connection name
     * @param name       the value without a parameter
     * @param inSql      the parameter names the SQL uses
     * @return the message for a value no {@code :name} uses
     */
    public static String sqlExtraParameter(String connection, String name, java.util.Collection<String> inSql) {
        return "Connection '" + connection + "': a value named '" + name + "' was given but the SQL has no :" + name
                + " (its parameters: " + (inSql.isEmpty() ? "none" : ":" + String.join(", :", inSql))
                + "). Remove the value or fix the name; a :name inside quotes or a comment is not a parameter.";
    }

    /**
     * @param connection the connection name
     * @param name       the parameter
     * @return the message for an empty collection, which cannot form an IN list
     */
    public static String sqlEmptyCollection(String connection, String name) {
        return "Connection '" + connection + "': the parameter :" + name + " is an empty collection, and an IN list "
                + "needs at least one value. Skip the query, or leave the condition out, when the list is empty.";
    }

    /**
     * @param column    the column
     * @param valueType the type of the value
     * @param target    the type (and member) wanted
     * @return the message for a value that does not convert
     */
    public static String sqlCannotConvert(String column, String valueType, String target) {
        return "The value of column '" + column + "' is a " + valueType + " and cannot be converted to " + target
                + ". Change the type of the component or property, or cast the column in SQL.";
    }

    /**
     * @param column   the column indexed by
     * @param firstRow the first row holding the value, from 0
     * @param row      the row holding it again, from 0
     * @return the message for a key that occurs twice; the value is not shown
     */
    public static String sqlDuplicateIndexKey(String column, int firstRow, int row) {
        return "Cannot index the result by column '" + column + "': rows " + firstRow + " and " + row
                + " (counted from 0) hold the same value, and keys must be unique. Index by a column whose values "
                + "are unique (a primary key), or group the rows yourself (table.stream().collect(groupingBy(...))).";
    }

    /**
     * @param column the column indexed by
     * @param row    the row whose value is NULL, from 0
     * @return the message for a NULL key
     */
    public static String sqlNullIndexKey(String column, int row) {
        return "Cannot index the result by column '" + column + "': row " + row + " (counted from 0) holds NULL, "
                + "which is not a key. Leave such rows out (where " + column + " is not null) or index by another column.";
    }

    /**
     * @param column the column indexed by
     * @return the message for binary keys
     */
    public static String sqlArrayIndexKey(String column) {
        return "Cannot index the result by column '" + column + "': its values are binary (byte[]), which are "
                + "equal only to themselves. Index by another column, or by this one converted: "
                + "indexBy(\"" + column + "\", String.class).";
    }

    /**
     * @param column  the column name asked for
     * @param columns the columns there are
     * @return the message for a column name that is not in the result
     */
    public static String sqlNoSuchColumn(String column, java.util.List<String> columns) {
        return "The result has no column '" + column + "'; its columns are " + columns + ".";
    }

    /**
     * @param type    the single-value type
     * @param columns how many columns the result has
     * @return the message for as(String.class) and the like on a result of several columns
     */
    public static String sqlScalarNeedsOneColumn(String type, int columns) {
        return "as(" + type + ".class) maps each row to a single value, but the result has " + columns
                + " columns. Select one column, or map to a record or bean with a component per column.";
    }

    /**
     * @param type      the record
     * @param component the component without a column
     * @param columns   the columns there are
     * @return the message for a record component no column fills
     */
    public static String sqlNoColumnForComponent(String type, String component, java.util.List<String> columns) {
        return "No column of the result fills the component '" + component + "' of record " + type + "; the columns are "
                + columns + ". Names match ignoring case and underscores (owner_name fills ownerName): rename the "
                + "component or alias the column in SQL (select ... as " + component + ").";
    }

    /**
     * @param type the bean
     * @param columns the columns there are
     * @return the message for a bean none of whose properties matches a column
     */
    public static String sqlNoMatchingProperty(String type, java.util.List<String> columns) {
        return "No setter or field of " + type + " matches a column of the result " + columns
                + ". Names match ignoring case and underscores (owner_name sets setOwnerName or the field ownerName).";
    }

    /**
     * @param type the class
     * @return the message for a class that cannot be created
     */
    public static String sqlNotInstantiable(String type) {
        return "Rows cannot be mapped to " + type + ": it needs a canonical constructor (a record) or a constructor "
                + "without parameters (a bean) that can be called; make the class and constructor public, or open "
                + "its package to cdi-connections.";
    }

    /**
     * @param type  the class
     * @param cause what its constructor or setter threw
     * @return the message for a constructor or setter that threw
     */
    public static String sqlConstructorFailed(String type, String cause) {
        return "Mapping a row to " + type + " failed: its constructor or a setter threw " + cause + ".";
    }

    /**
     * @param column the column
     * @param member the record component or property
     * @param type   its primitive type
     * @return the message for NULL headed for a primitive
     */
    public static String sqlNullIntoPrimitive(String column, String member, String type) {
        return "Column '" + column + "' is NULL but '" + member + "' is a " + type + ", which cannot hold null. "
                + "Use the wrapper type (such as Integer) or coalesce the column in SQL.";
    }

    /**
     * @param connection the connection name
     * @return the message for getConnection(user, password) on the data source
     */
    public static String sqlNoPerCallCredentials(String connection) {
        return "Connection '" + connection + "': the data source is a pool whose credentials come from the "
                + section(connection) + " section; getConnection(user, password) is not supported. "
                + "Call getConnection(), or define another connection for the other user.";
    }

    // ---------------------------------------------------------------- Snowflake and Snowpark

    private static final String SNOWFLAKE_JDBC = "net.snowflake:snowflake-jdbc";
    private static final String SNOWPARK = "com.snowflake:snowpark";

    /**
     * @param connection      the connection name
     * @param connectionsToml where the Snowflake drivers' connections file was looked for
     * @return the message for a Snowflake connection with no configuration anywhere (Streamlit's words, then
     *         the three places we looked)
     */
    public static String snowflakeMissingConfiguration(String connection, String connectionsToml) {
        return "Missing Snowflake connection configuration for connection '" + connection + "'. Did you forget to set "
                + "this in secrets.toml, a Snowflake configuration file, or as options in code? We looked in (1) the "
                + section(connection) + " section of secrets.toml and its environment overrides (such as "
                + envVar(connection, "account") + "), (2) " + connectionsToml + (connection.equals("snowflake")
                        ? " (its [default] section, or the one SNOWFLAKE_DEFAULT_CONNECTION_NAME names)"
                        : " (a section [" + connection + "])")
                + ", and (3) options in code (@Connection(options = \"account=...\")). Write for example "
                + section(connection) + " with account = \"myorg-myaccount\", user = \"...\" and password or "
                + "private_key_file, or set connection_name to a section of connections.toml.";
    }

    /**
     * @param connection the connection name
     * @return the message for parameters that name neither an account nor a host
     */
    public static String snowflakeMissingAccount(String connection) {
        return "Connection '" + connection + "' (Snowflake) names no account: set account = \"myorg-myaccount\" (or host) "
                + "in the " + section(connection) + " section of secrets.toml, as " + envVar(connection, "account")
                + ", in the connections.toml section it uses, or as an option in code (@Connection(options = "
                + "\"account=...\")).";
    }

    /**
     * @param connection the connection name
     * @param file       the connections.toml path
     * @param section    the section asked for
     * @param key        where the section name came from ({@code connection_name} or
     *                   {@code SNOWFLAKE_DEFAULT_CONNECTION_NAME})
     * @param known      the sections the file has
     * @return the message for a connections.toml section that does not exist
     */
    public static String snowflakeNoSuchSection(String connection, String file, String section, String key,
                                                java.util.Collection<String> known) {
        return "Connection '" + connection + "': " + key + " names the section [" + section + "] but " + file
                + (known == null ? " does not exist" : " has no such section (its sections: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")")
                + ". Add the section, fix the name, or point SNOWFLAKE_HOME at the folder that holds connections.toml.";
    }

    /**
     * @param connection the connection name
     * @param file       the file
     * @param problem    what is wrong, without any text of the file
     * @return the message for a Snowflake or SnowSQL configuration file that cannot be used
     */
    public static String snowflakeBadFile(String connection, String file, String problem) {
        return "Connection '" + connection + "': the Snowflake configuration file " + file + " cannot be used: " + problem
                + ". Fix the file, or configure the connection in the " + section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param file       connections.toml
     * @return the message for a connections.toml others may write (as the Snowflake drivers refuse it)
     */
    public static String snowflakeFileWritableByOthers(String connection, String file) {
        return snowflakeBadFile(connection, file, "it is writable by group or others, so anyone on this machine could "
                + "redirect the connection and its credentials (chmod 600 " + file + ")");
    }

    /**
     * @param connection the connection name
     * @return the message for a SQLAlchemy url in a Snowflake section
     */
    public static String snowflakeUrlIsSqlKey(String connection) {
        return "Connection '" + connection + "' is a SnowflakeConnection, which does not read 'url': a SQLAlchemy URL "
                + "(snowflake://user@account/...) belongs to the SQL connection type. Add type = \"sql\" to the "
                + section(connection) + " section to use it with SQLConnection, or replace url by account, user, "
                + "database, schema, warehouse and role.";
    }

    /**
     * @param connection the connection name
     * @return the message for a Snowflake JDBC driver missing from the class path
     */
    public static String snowflakeDriverMissing(String connection) {
        return "Connection '" + connection + "': the Snowflake JDBC driver is not on the class path. Add the Maven "
                + "dependency " + SNOWFLAKE_JDBC + " (3.28.0, or 4.3.4 or later; not 4.2.0 to 4.3.3) to the application "
                + "(in a WAR, to WEB-INF/lib).";
    }

    /**
     * @param connection the connection name
     * @param what       what needed Snowpark, such as {@code session()}
     * @return the message for Snowpark missing from the class path
     */
    public static String snowparkMissing(String connection, String what) {
        return "Connection '" + connection + "': " + what + " needs Snowpark, which is not on the class path. Add the "
                + "Maven dependency " + SNOWPARK + " (1.16.0) together with " + SNOWFLAKE_JDBC + " 3.x to the "
                + "application (in a WAR, to WEB-INF/lib).";
    }

    /**
     * @param connection the connection name
     * @param target     the JDBC URL and user (never a password)
     * @param cause      the redacted cause
     * @return the message for a Snowflake login that failed
     */
    public static String snowflakeConnectFailed(String connection, String target, String cause) {
        return "Connection '" + connection + "' (Snowflake) could not connect to " + target + ": " + cause
                + ". Check the account (or host), user and credentials in the " + section(connection)
                + " section of secrets.toml, its environment overrides (such as " + envVar(connection, "password")
                + ") or the connections.toml section it uses; the next use tries again.";
    }

    /**
     * @param connection the connection name
     * @param attempts   how many attempts were made
     * @param cause      the redacted cause of the last failure
     * @return the message for a query whose session kept expiring
     */
    public static String snowflakeSessionExpired(String connection, int attempts, String cause) {
        return "Connection '" + connection + "': the Snowflake session expired or was lost; the query failed " + attempts
                + " time" + (attempts == 1 ? "" : "s") + ", with a new session between attempts. Last error: " + cause
                + ". The next call tries again.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a key whose value must be a port number
     */
    public static String snowflakeBadPort(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a port number from 1 to 65535, "
                + "such as " + key + " = 443.";
    }

    /**
     * @param connection the connection name
     * @return the deprecation warning of the Snowpark connection type, logged once
     */
    public static String snowparkDeprecated(String connection) {
        return "Connection '" + connection + "' uses SnowparkConnection (type \"snowpark\"), which is deprecated: "
                + "Streamlit removed it in 1.59. Use SnowflakeConnection (type \"snowflake\") instead; its session() "
                + "gives a Snowpark Session when Snowpark is on the class path.";
    }

    /**
     * @param connection the connection name
     * @param snowsql    where the SnowSQL configuration was looked for
     * @return the message for a Snowpark connection with no configuration anywhere (Streamlit's words)
     */
    public static String snowparkMissingConfiguration(String connection, String snowsql) {
        return "Missing Snowpark connection configuration for connection '" + connection + "'. Did you forget to set "
                + "this in secrets.toml, " + snowsql + ", or as options in code? Write a " + section(connection)
                + " section with account, user and password (or private_key_file), or a [connections] section in "
                + snowsql + ".";
    }

    /**
     * @param connection the connection name
     * @param key        the missing key
     * @return the message for a required Snowpark parameter (Streamlit's words, then the fix)
     */
    public static String snowparkMissingParam(String connection, String key) {
        return "Missing Snowpark connection param: " + key + ". Connection '" + connection + "': set it in the "
                + section(connection) + " section of secrets.toml, as " + envVar(connection, key)
                + ", in ~/.snowsql/config, or as an option in code (@Connection(options = \"" + key + "=...\")).";
    }

    /**
     * @param connection the connection name
     * @param cause      what Snowpark's session builder threw (redacted)
     * @return the message for a Snowpark session that could not be created
     */
    public static String snowparkSessionFailed(String connection, String cause) {
        return "Connection '" + connection + "': the Snowpark session could not be created: " + cause
                + ". Check the account, user and credentials in the " + section(connection)
                + " section of secrets.toml and its environment overrides; the next use tries again.";
    }

    // ---------------------------------------------------------------- where a request comes from

    /**
     * @param connection the connection name
     * @return where a request for a connection of secrets.toml alone comes from (health checks,
     *         the secrets checker), such as {@code [connections.sql] in secrets.toml}
     */
    public static String inSecretsToml(String connection) {
        return section(connection) + " in secrets.toml";
    }

    /**
     * @param connection the connection name
     * @param type       the type asked for, or null
     * @return how the user wrote a {@code Connections.get} call
     */
    public static String getCall(String connection, Class<?> type) {
        return type == null ? "Connections.get(\"" + connection + "\")"
                : "Connections.get(\"" + connection + "\", " + type.getSimpleName() + ".class)";
    }

    /**
     * @param connection the connection name
     * @return how the user wrote a {@code Connections.builder} call
     */
    public static String builderCall(String connection) {
        return "Connections.builder(\"" + connection + "\")";
    }

    /**
     * @param typeClass the type given as a class, or null
     * @param type      the type given as text, when no class is
     * @param where     how the user wrote the request
     * @return the type given in code, as a source of a type, such as {@code type "sql" in @Connection(...)}
     */
    public static String typeInCode(Class<?> typeClass, String type, String where) {
        String written = typeClass != null ? typeClass.getSimpleName() + ".class" : "\"" + type + "\"";
        return "type " + written + " in " + where;
    }

    /**
     * @param connection the connection name
     * @param type       the value of its {@code type} key
     * @return the type key of secrets.toml, as a source of a type
     */
    public static String typeInSecrets(String connection, String type) {
        return "type = \"" + type + "\" in " + section(connection);
    }

    /**
     * @param javaType the Java type of the injection point or call, or null
     * @return the Java type, as a source of a type
     */
    public static String javaTypeSource(Class<?> javaType) {
        return "the Java type " + (javaType == null ? "" : javaType.getSimpleName());
    }

    /**
     * @param connection the connection name, which is a short type name
     * @return the connection name, as a source of a type
     */
    public static String nameAsType(String connection) {
        return "the connection name \"" + connection + "\"";
    }

    // ---------------------------------------------------------------- health checks and JDBC

    /**
     * @param key the health check's timeout key
     * @return the message for a health check timeout that is not a duration
     */
    public static String badHealthTimeout(String key) {
        return "The value of " + key + " is not a duration: write an ISO-8601 duration such as PT2S, "
                + "or a number of seconds such as 2.";
    }

    /**
     * @param timeout the time the check had
     * @param key     the key that sets it
     * @return the health check's message for a connection check that did not end in time
     */
    public static String checkTimedOut(java.time.Duration timeout, String key) {
        return "The check did not end within " + timeout + " (" + key + ")";
    }

    /** @return the health check's message for a connection check that was interrupted */
    public static String checkInterrupted() {
        return "The check was interrupted";
    }

    /** @return the message of the SQLException for a pooled connection the driver calls not valid */
    public static String sqlNotValid() {
        return "The database connection is not valid (Connection.isValid returned false)";
    }

    /**
     * @param iface the interface asked for
     * @return the message of the SQLException for {@code unwrap} to an interface not implemented
     */
    public static String notAWrapper(Class<?> iface) {
        return "Not a wrapper for " + iface.getName();
    }

    /**
     * @param what  the option, such as {@code maxRows}
     * @param value the value given
     * @return the message for a query option that must not be negative
     */
    public static String negativeOption(String what, Object value) {
        return what + " must not be negative: " + value;
    }

    /**
     * @param url the JDBC URL
     * @return the message of the SQLException for a URL the Snowflake driver does not accept
     */
    public static String snowflakeUrlRejected(String url) {
        return "The Snowflake driver did not accept the URL " + url;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * @param variable   the environment variable
     * @param key        the key it sets, relative to the section
     * @param connection the connection being read
     * @param other      another section whose key maps to the same variable
     * @return why the variable is refused and how to fix it; never its value
     */
    public static String sharedVariable(String variable, String key, String connection, String other) {
        return "Environment variable " + variable + " sets " + key + " of both " + section(connection) + " and "
                + section(other) + ": MicroProfile Config maps both section names to the same variable, so it"
                + " cannot tell which connection is meant. Rename one of the sections so that their names differ"
                + " in more than '-', '_' and '.', or set the key in a secrets file or as the system property "
                + SecretsReader.prefix(connection) + key + " instead.";
    }

    /**
     * @param connection the connection name
     * @return the TOML table header of its section, such as {@code [connections.sql]}
     */
    public static String section(String connection) {
        return "[connections." + SecretsReader.quote(connection) + "]";
    }

    /**
     * @param connection the connection name
     * @param key        the key relative to the section
     * @return the environment variable that sets it
     */
    public static String envVar(String connection, String key) {
        return SecretsReader.environmentVariable(SecretsReader.prefix(connection) + key);
    }
}
