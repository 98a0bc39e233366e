package io.cdiconnections.internal.registry;

import io.cdiconnections.internal.SecretsReader;
import io.cdiconnections.BaseConnection;

/**
 * The texts of resolving a connection request: names, ttl, options, types, and the registry's own warnings. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class RegistryMessages {

    private RegistryMessages() {
    }

    private static final String SHORT_NAMES = "\"sql\", \"snowflake\" or \"snowpark\"";


    /**
     * @param name  the name as written
     * @param var   the variable
     * @param where how the user wrote it
     * @return the message for an {@code env:} variable that is not set
     */
    static String envNameMissing(String name, String var, String where) {
        return where + ": the connection name '" + name + "' comes from the variable " + var
                + ", which is not set. Set the environment variable " + var + " (or the config property "
                + var + ", e.g. -D" + var + "=sql) to the name of a [connections.<name>] section.";
    }



    /**
     * @param key   the config key
     * @param value its value (a duration setting, not a secret)
     * @return the message for a bad default ttl
     */
    static String badDefaultTtl(String key, String value) {
        return "The config key " + key + " = \"" + value + "\" is not a duration that is not negative. "
                + "Write ISO-8601 (" + key + "=PT10M), whole seconds (" + key + "=600), or 0 to keep "
                + "raw instances forever; connections that give their own ttl are not affected.";
    }

    /**
     * @param connection the connection name
     * @param where      how the user wrote the request
     * @return the message for a connection whose type cannot be inferred
     */
    static String noType(String connection, String where) {
        return "Connection '" + connection + "' (" + where + ") has no type. Say which one: add type = \"sql\" "
                + "to the " + SecretsReader.section(connection) + " section of secrets.toml, write @Connection(name = \""
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
    static String unknownShortName(String connection, String type, String source) {
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
    static String builtInTypeMissing(String connection, String type, String className, String source) {
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
    static String classNotFound(String connection, String className, String source) {
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
    static String notAConnectionClass(String connection, Class<?> type, String where) {
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
    static String abstractConnectionClass(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " is abstract and "
                + "cannot be created. Name a concrete subclass of it, or a short name: " + SHORT_NAMES + ".";
    }

    /**
     * @param connection the connection name
     * @param type       the class
     * @param where      how the user wrote the request
     * @return the message for a class without the constructor the registry calls
     */
    static String noContextConstructor(String connection, Class<?> type, String where) {
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
    static String constructorFailed(String connection, Class<?> type, Throwable cause) {
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
    static String typesDisagree(String connection, String firstSource, Class<?> first,
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
    static String notAConnectionJavaType(String connection, Class<?> javaType, String where) {
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
    static String javaTypeMismatch(String connection, Class<?> javaType, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + ") is a " + type.getSimpleName()
                + ", which the Java type " + javaType.getSimpleName() + " cannot hold. Declare it as "
                + type.getSimpleName() + " (or BaseConnection<?>), or change the type in "
                + SecretsReader.section(connection) + " of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @return the message for a request after the application stopped
     */
    static String registryClosed(String connection) {
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
    static String twoPools(String connection, Class<?> type, java.time.Duration ttl1, int max1,
                                  java.time.Duration ttl2, int max2) {
        return "Connection '" + connection + "' (" + type.getSimpleName() + ") is asked for with the same "
                + "name and options but with different ttl or maxEntries (ttl " + ttlText(ttl1) + ", maxEntries "
                + maxText(max1) + " and ttl " + ttlText(ttl2) + ", maxEntries " + maxText(max2) + "), so it has "
                + "two handles and two pools. Give every @Connection and Connections call of '" + connection
                + "' the same ttl and maxEntries to share one.";
    }

    private static String ttlText(java.time.Duration ttl) {
        return ttl == null ? "forever" : ttl.toString();
    }

    private static String maxText(int max) {
        return max < 0 ? "unbounded" : Integer.toString(max);
    }

    /**
     * @param connection the connection name
     * @param type       the type asked for, or null
     * @return how the user wrote a {@code Connections.get} call
     */
    static String getCall(String connection, Class<?> type) {
        return type == null ? "Connections.get(\"" + connection + "\")"
                : "Connections.get(\"" + connection + "\", " + type.getSimpleName() + ".class)";
    }

    /**
     * @param typeClass the type given as a class, or null
     * @param type      the type given as text, when no class is
     * @param where     how the user wrote the request
     * @return the type given in code, as a source of a type, such as {@code type "sql" in @Connection(...)}
     */
    static String typeInCode(Class<?> typeClass, String type, String where) {
        String written = typeClass != null ? typeClass.getSimpleName() + ".class" : "\"" + type + "\"";
        return "type " + written + " in " + where;
    }

    /**
     * @param connection the connection name
     * @param type       the value of its {@code type} key
     * @return the type key of secrets.toml, as a source of a type
     */
    static String typeInSecrets(String connection, String type) {
        return "type = \"" + type + "\" in " + SecretsReader.section(connection);
    }

    /**
     * @param javaType the Java type of the injection point or call, or null
     * @return the Java type, as a source of a type
     */
    static String javaTypeSource(Class<?> javaType) {
        return "the Java type " + (javaType == null ? "" : javaType.getSimpleName());
    }

    /**
     * @param connection the connection name, which is a short type name
     * @return the connection name, as a source of a type
     */
    static String nameAsType(String connection) {
        return "the connection name \"" + connection + "\"";
    }
}
