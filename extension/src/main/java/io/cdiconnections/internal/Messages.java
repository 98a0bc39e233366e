package io.cdiconnections.internal;

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
     * @return the deployment problem for a {@code validate} method that failed unexpectedly
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
     * @return the deployment problem for an injected class without the constructor CDI proxies need
     */
    public static String noProxyConstructor(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " has no non-private "
                + "constructor without parameters, which CDI needs to make the client proxy of an injected "
                + "connection. Add one: protected " + type.getSimpleName() + "() { } (it is used by proxies only).";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param method     the final method, such as {@code MyConnection.get()}
     * @param where      how the user wrote the request
     * @return the deployment problem for an injected class with a final method
     */
    public static String finalMethod(String connection, Class<?> type, String method, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " cannot have a CDI client "
                + "proxy because the method " + method + " is final. Remove final from it (or make it private).";
    }

    /**
     * @param injectionPoint the injection point, such as {@code OrderService.sql}
     * @param problem        the problem and its fix
     * @return the deployment problem
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
    // (added by the SQLConnection work)

    // ---------------------------------------------------------------- helpers

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
