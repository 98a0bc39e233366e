package io.cdiconnections.snowflake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.internal.Redaction;

/**
 * Where a Snowflake connection goes and what it tells the driver: the JDBC URL
 * ({@code jdbc:snowflake://<account>.snowflakecomputing.com/}, or {@code host} and {@code port})
 * and the driver properties, made from connection parameters written as for Snowflake's Python
 * connector (what Streamlit passes to {@code snowflake.connector.connect}).
 *
 * <ul>
 * <li>Ours, never sent: {@code type}, {@code connection_name}, {@code query_ttl},
 *     {@code retry_attempts}, {@code retry_wait}, {@code host}, {@code port}, {@code protocol},
 *     {@code region}, {@code paramstyle} (Python only: parameters are always {@code :name} here).</li>
 * <li>Python names the JDBC driver spells otherwise are renamed ({@code database} is
 *     {@code db}, {@code login_timeout} is {@code loginTimeout}, see {@link #RENAMES}).</li>
 * <li>Session parameters written in lower case that the driver itself reads are upper-cased
 *     ({@code client_session_keep_alive}); {@code session_parameters.X} becomes {@code X}.</li>
 * <li>Every other key goes to the driver as written; other nested keys are ignored.</li>
 * <li>{@code JDBC_QUERY_RESULT_FORMAT} is {@code JSON} unless set: the driver's Arrow format needs
 *     {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17 and later.</li>
 * </ul>
 *
 * @param url        the JDBC URL
 * @param host       the host the URL names
 * @param port       the port, or -1 for the protocol's default
 * @param https      whether the driver talks TLS ({@code protocol = "http"} turns it off)
 * @param properties the driver properties, sorted; never print their values
 */
record SnowflakeTarget(String url, String host, int port, boolean https, Map<String, String> properties) {

    /** Keys that configure us or the URL and are never sent to the driver. */
    static final Set<String> OURS = Set.of("type", "connection_name", "query_ttl", "retry_attempts", "retry_wait",
            "host", "port", "protocol", "region", "paramstyle", "url", "cache", "cache_provider", "cache_uri",
            "cache_name");

    /** Python connector (and Snowflake CLI) names, and what the JDBC driver calls them. */
    static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("database", "db"),
            Map.entry("username", "user"),
            Map.entry("login_timeout", "loginTimeout"),
            Map.entry("network_timeout", "networkTimeout"),
            Map.entry("ocsp_fail_open", "ocspFailOpen"),
            Map.entry("insecure_mode", "insecureMode"),
            Map.entry("disable_ocsp_checks", "disableOCSPChecks"),
            Map.entry("validate_default_parameters", "validateDefaultParameters"),
            Map.entry("client_store_temporary_credential", "clientStoreTemporaryCredential"),
            Map.entry("client_request_mfa_token", "clientRequestMfaToken"),
            Map.entry("private_key_path", "private_key_file"),
            Map.entry("private_key_passphrase", "private_key_file_pwd"),
            Map.entry("passphrase", "private_key_file_pwd"));

    /** Session parameters the driver reads by their upper-case name. */
    static final Set<String> UPPER_CASE = Set.of("client_session_keep_alive",
            "client_session_keep_alive_heartbeat_frequency", "client_prefetch_threads", "client_result_chunk_size",
            "client_memory_limit", "client_telemetry_enabled", "jdbc_query_result_format", "query_tag", "timezone",
            "autocommit", "client_out_of_band_telemetry_enabled");

    static final String RESULT_FORMAT = "JDBC_QUERY_RESULT_FORMAT";
    private static final String DOMAIN = ".snowflakecomputing.";

    /**
     * @param connection the connection name, for messages
     * @param params     the resolved parameters (secrets, connections.toml and options together)
     * @return the target
     * @throws ConnectionConfigException when neither account nor host is given, a port is not
     *                                   one, or a SQLAlchemy {@code url} was given
     */
    static SnowflakeTarget from(String connection, Map<String, String> params) {
        if (present(params, "url")) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeUrlIsSqlKey(connection));
        }
        Map<String, String> props = driverProperties(params);
        String account = trimmed(params, "account");
        String host = trimmed(params, "host");
        if (account == null && host == null) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeMissingAccount(connection));
        }
        if (host == null) {
            String region = trimmed(params, "region");
            host = account.contains(DOMAIN) ? account
                    : account + (region != null && !account.contains(".") ? "." + region : "") + ".snowflakecomputing.com";
        }
        if (account != null) {
            // as the Python connector does: the account is the first label of an account identifier
            String first = account.split("\\.", 2)[0];
            props.put("account", first);
        }
        int port = port(connection, params);
        boolean https = !"http".equalsIgnoreCase(trimmed(params, "protocol"));
        if (!https) {
            props.put("ssl", "off");
        }
        if (props.keySet().stream().noneMatch(RESULT_FORMAT::equalsIgnoreCase)) {
            props.put(RESULT_FORMAT, "JSON");
        }
        String url = "jdbc:snowflake://" + host + (port > 0 ? ":" + port : "") + "/";
        return new SnowflakeTarget(url, host, port, https, Collections.unmodifiableMap(new TreeMap<>(props)));
    }

    private static Map<String, String> driverProperties(Map<String, String> params) {
        Map<String, String> props = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (value == null || OURS.contains(key)) {
                continue;
            }
            if (key.startsWith("session_parameters.")) {
                props.put(key.substring("session_parameters.".length()).toUpperCase(Locale.ROOT), value);
                continue;
            }
            if (key.indexOf('.') >= 0 || key.indexOf('[') >= 0) {
                continue; // a nested table or array the driver has no use for
            }
            String name = RENAMES.getOrDefault(key, key);
            if (UPPER_CASE.contains(name)) {
                name = name.toUpperCase(Locale.ROOT);
            }
            if (!name.equals(key) && params.containsKey(name)) {
                continue; // the driver's own spelling, given too, wins
            }
            props.put(name, value);
        }
        return props;
    }

    private static int port(String connection, Map<String, String> params) {
        String text = trimmed(params, "port");
        if (text == null) {
            return -1;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectionConfigException(SnowflakeMessages.snowflakeBadPort(connection, "port"));
    }

    private static boolean present(Map<String, String> params, String key) {
        return trimmed(params, key) != null;
    }

    private static String trimmed(Map<String, String> params, String key) {
        String v = params.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** @return the driver properties as {@link Properties}, for {@code Driver.connect} */
    Properties driverProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /**
     * The map for Snowpark's {@code Session.builder().configs(...)}: the driver properties and the
     * {@code URL} Snowpark makes its JDBC URL from ({@code https://<host>:<port>}).
     *
     * @return the configs, sorted; never print their values
     */
    Map<String, String> snowparkConfigs() {
        Map<String, String> configs = new TreeMap<>(properties);
        configs.put("URL", (https ? "https://" : "http://") + host + ":" + (port > 0 ? port : https ? 443 : 80));
        return Collections.unmodifiableMap(configs);
    }

    /** @return the URL and the user, for messages; never a secret */
    String describe() {
        String user = properties.get("user");
        return Redaction.url(url) + (user == null ? "" : " as user '" + user + "'");
    }

    /** @return the URL and the property names, never their values */
    @Override
    public String toString() {
        return "SnowflakeTarget[" + Redaction.url(url) + ", " + properties.keySet() + "]";
    }
}
