package io.cdiconnections;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of the API package: a connection's parameters and lifecycle, and the {@code Connections} builder. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class ConnectionMessages {

    private ConnectionMessages() {
    }


    /**
     * @param connection the connection name
     * @param key        the key relative to the section
     * @return the message for a required key that no source sets
     */
    static String missingKey(String connection, String key) {
        return "Connection '" + connection + "' is missing the key '" + key + "'. Set it in the "
                + SecretsReader.section(connection) + " section of secrets.toml (" + key + " = \"...\"), "
                + "as the environment variable " + SecretsReader.environmentVariable(connection, key)
                + ", or as an option in code (@Connection(options = \"" + key + "=...\")).";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be an integer
     */
    static String notAnInteger(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a whole number, "
                + "such as " + key + " = 5 in the " + SecretsReader.section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be a boolean
     */
    static String notABoolean(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be true or false, "
                + "such as " + key + " = true in the " + SecretsReader.section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a value that should be a duration
     */
    static String notADuration(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a duration that is not "
                + "negative: whole seconds (" + key + " = 600) or ISO-8601 (" + key + " = \"PT10M\").";
    }


    /**
     * @param connection the handle
     * @return the message for a handle used after close
     */
    static String connectionClosed(BaseConnection<?> connection) {
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
    static String connectFailed(BaseConnection<?> connection, String causeText, Throwable cause) {
        return "Connection '" + connection.name() + "' (" + connection.getClass().getSimpleName()
                + ") could not connect: " + cause.getClass().getSimpleName() + ": " + causeText
                + ". Check the " + SecretsReader.section(connection.name()) + " section of secrets.toml and its "
                + "environment overrides; the next use tries again.";
    }

    /**
     * @param connection the handle
     * @return the message for a connect method that returned null
     */
    static String connectReturnedNull(BaseConnection<?> connection) {
        return connection.getClass().getName() + ".connect(...) returned null for connection '"
                + connection.name() + "'. A connection type must return its raw instance or throw.";
    }

    /**
     * @param connection the handle
     * @param error      what closing threw
     * @return the log message for a raw instance that failed to close
     */
    static String closeFailed(BaseConnection<?> connection, Throwable error) {
        return "Closing a retired raw instance of connection '" + connection.name() + "' ("
                + connection.getClass().getSimpleName() + ") failed: " + error.getClass().getName()
                + ". It was dropped all the same.";
    }

    /**
     * @param connection the connection name
     * @return how the user wrote a {@code Connections.builder} call
     */
    static String builderCall(String connection) {
        return "Connections.builder(\"" + connection + "\")";
    }

    /**
     * @return the message for a class path without the service of cdi-connections that finds
     *         registries (a merged jar that dropped its {@code META-INF/services} file)
     */
    static String noConnectionSource() {
        return "No io.cdiconnections.ConnectionSource service was found: the file "
                + "META-INF/services/io.cdiconnections.ConnectionSource of the cdi-connections jar is missing "
                + "from the class path. A jar that merges others must keep (and merge) META-INF/services files.";
    }
}
