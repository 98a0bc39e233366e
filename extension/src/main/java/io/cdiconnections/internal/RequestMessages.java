package io.cdiconnections.internal;

/**
 * The texts of the arguments of a connection request: its name, ttl, maxEntries and options.
 * Each names the connection and how the user wrote the request and says what to write; none
 * contains a secret value.
 */
final class RequestMessages {

    private RequestMessages() {
    }

    /**
     * @param where how the user wrote the request
     * @return the message for an empty connection name
     */
    static String emptyName(String where) {
        return where + ": the connection name is empty. Name the [connections.<name>] section of "
                + "secrets.toml to use, such as @Connection(name = \"sql\") or Connections.get(\"sql\").";
    }

    /**
     * @param name  the name as written
     * @param where how the user wrote it
     * @return the message for {@code env:} without a variable
     */
    static String emptyEnvName(String name, String where) {
        return where + ": the name '" + name + "' names no variable. Write env:VAR, where the config "
                + "property or environment variable VAR holds the connection name.";
    }

    /**
     * @param connection the connection name
     * @param ttl        the ttl as written
     * @param where      how the user wrote it
     * @return the message for a ttl that is not a duration
     */
    static String badTtl(String connection, String ttl, String where) {
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
    static String badMaxEntries(String connection, int maxEntries, String where) {
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
    static String malformedOption(String connection, String option, String where) {
        int eq = option.indexOf('=');
        String shown = eq < 0 ? option : option.substring(0, eq) + "=...";
        return "Connection '" + connection + "': the option \"" + shown + "\" in " + where + " is not of "
                + "the form key=value. Write options = {\"database=reports\"}, the key as in the "
                + SecretsReader.section(connection) + " section of secrets.toml.";
    }
}
