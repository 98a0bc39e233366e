package io.cdiconnections.snowflake;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of the Snowflake and Snowpark types: their configuration files, driver, sessions. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class SnowflakeMessages {

    private SnowflakeMessages() {
    }


    private static final String SNOWFLAKE_JDBC = "net.snowflake:snowflake-jdbc";
    private static final String SNOWPARK = "com.snowflake:snowpark";

    /**
     * @param connection      the connection name
     * @param connectionsToml where the Snowflake drivers' connections file was looked for
     * @return the message for a Snowflake connection with no configuration anywhere (Streamlit's words, then
     *         the three places we looked)
     */
    static String snowflakeMissingConfiguration(String connection, String connectionsToml) {
        return "Missing Snowflake connection configuration for connection '" + connection + "'. Did you forget to set "
                + "this in secrets.toml, a Snowflake configuration file, or as options in code? We looked in (1) the "
                + SecretsReader.section(connection) + " section of secrets.toml and its environment overrides (such as "
                + SecretsReader.environmentVariable(connection, "account") + "), (2) " + connectionsToml + (connection.equals("snowflake")
                        ? " (its [default] section, or the one SNOWFLAKE_DEFAULT_CONNECTION_NAME names)"
                        : " (a section [" + connection + "])")
                + ", and (3) options in code (@Connection(options = \"account=...\")). Write for example "
                + SecretsReader.section(connection) + " with account = \"myorg-myaccount\", user = \"...\" and password or "
                + "private_key_file, or set connection_name to a section of connections.toml.";
    }

    /**
     * @param connection the connection name
     * @return the message for parameters that name neither an account nor a host
     */
    static String snowflakeMissingAccount(String connection) {
        return "Connection '" + connection + "' (Snowflake) names no account: set account = \"myorg-myaccount\" (or host) "
                + "in the " + SecretsReader.section(connection) + " section of secrets.toml, as " + SecretsReader.environmentVariable(connection, "account")
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
    static String snowflakeNoSuchSection(String connection, String file, String section, String key,
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
    static String snowflakeBadFile(String connection, String file, String problem) {
        return "Connection '" + connection + "': the Snowflake configuration file " + file + " cannot be used: " + problem
                + ". Fix the file, or configure the connection in the " + SecretsReader.section(connection) + " section of secrets.toml.";
    }

    /**
     * @param connection the connection name
     * @param file       connections.toml
     * @return the message for a connections.toml others may write (as the Snowflake drivers refuse it)
     */
    static String snowflakeFileWritableByOthers(String connection, String file) {
        return snowflakeBadFile(connection, file, "it is writable by group or others, so anyone on this machine could "
                + "redirect the connection and its credentials (chmod 600 " + file + ")");
    }

    /**
     * @param connection the connection name
     * @return the message for a SQLAlchemy url in a Snowflake section
     */
    static String snowflakeUrlIsSqlKey(String connection) {
        return "Connection '" + connection + "' is a SnowflakeConnection, which does not read 'url': a SQLAlchemy URL "
                + "(snowflake://user@account/...) belongs to the SQL connection type. Add type = \"sql\" to the "
                + SecretsReader.section(connection) + " section to use it with SQLConnection, or replace url by account, user, "
                + "database, schema, warehouse and role.";
    }

    /**
     * @param connection the connection name
     * @return the message for a Snowflake JDBC driver missing from the class path
     */
    static String snowflakeDriverMissing(String connection) {
        return "Connection '" + connection + "': the Snowflake JDBC driver is not on the class path. Add the Maven "
                + "dependency " + SNOWFLAKE_JDBC + " (3.28.0, or 4.3.4 or later; not 4.2.0 to 4.3.3) to the application "
                + "(in a WAR, to WEB-INF/lib).";
    }

    /**
     * @param connection the connection name
     * @param what       what needed Snowpark, such as {@code session()}
     * @return the message for Snowpark missing from the class path
     */
    static String snowparkMissing(String connection, String what) {
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
    static String snowflakeConnectFailed(String connection, String target, String cause) {
        return "Connection '" + connection + "' (Snowflake) could not connect to " + target + ": " + cause
                + ". Check the account (or host), user and credentials in the " + SecretsReader.section(connection)
                + " section of secrets.toml, its environment overrides (such as " + SecretsReader.environmentVariable(connection, "password")
                + ") or the connections.toml section it uses; the next use tries again.";
    }

    /**
     * @param connection the connection name
     * @param attempts   how many attempts were made
     * @param cause      the redacted cause of the last failure
     * @return the message for a query whose session kept expiring
     */
    static String snowflakeSessionExpired(String connection, int attempts, String cause) {
        return "Connection '" + connection + "': the Snowflake session expired or was lost; the query failed " + attempts
                + " time" + (attempts == 1 ? "" : "s") + ", with a new session between attempts. Last error: " + cause
                + ". The next call tries again.";
    }

    /**
     * @param connection the connection name
     * @param key        the key
     * @return the message for a key whose value must be a port number
     */
    static String snowflakeBadPort(String connection, String key) {
        return "Connection '" + connection + "': the key '" + key + "' must be a port number from 1 to 65535, "
                + "such as " + key + " = 443.";
    }

    /**
     * @param connection the connection name
     * @return the deprecation warning of the Snowpark connection type, logged once
     */
    static String snowparkDeprecated(String connection) {
        return "Connection '" + connection + "' uses SnowparkConnection (type \"snowpark\"), which is deprecated: "
                + "Streamlit removed it in 1.59. Use SnowflakeConnection (type \"snowflake\") instead; its session() "
                + "gives a Snowpark Session when Snowpark is on the class path.";
    }

    /**
     * @param connection the connection name
     * @param snowsql    where the SnowSQL configuration was looked for
     * @return the message for a Snowpark connection with no configuration anywhere (Streamlit's words)
     */
    static String snowparkMissingConfiguration(String connection, String snowsql) {
        return "Missing Snowpark connection configuration for connection '" + connection + "'. Did you forget to set "
                + "this in secrets.toml, " + snowsql + ", or as options in code? Write a " + SecretsReader.section(connection)
                + " section with account, user and password (or private_key_file), or a [connections] section in "
                + snowsql + ".";
    }

    /**
     * @param connection the connection name
     * @param key        the missing key
     * @return the message for a required Snowpark parameter (Streamlit's words, then the fix)
     */
    static String snowparkMissingParam(String connection, String key) {
        return "Missing Snowpark connection param: " + key + ". Connection '" + connection + "': set it in the "
                + SecretsReader.section(connection) + " section of secrets.toml, as " + SecretsReader.environmentVariable(connection, key)
                + ", in ~/.snowsql/config, or as an option in code (@Connection(options = \"" + key + "=...\")).";
    }

    /**
     * @param connection the connection name
     * @param cause      what Snowpark's session builder threw (redacted)
     * @return the message for a Snowpark session that could not be created
     */
    static String snowparkSessionFailed(String connection, String cause) {
        return "Connection '" + connection + "': the Snowpark session could not be created: " + cause
                + ". Check the account, user and credentials in the " + SecretsReader.section(connection)
                + " section of secrets.toml and its environment overrides; the next use tries again.";
    }

    /**
     * @param url the JDBC URL
     * @return the message of the SQLException for a URL the Snowflake driver does not accept
     */
    static String snowflakeUrlRejected(String url) {
        return "The Snowflake driver did not accept the URL " + url;
    }
}
