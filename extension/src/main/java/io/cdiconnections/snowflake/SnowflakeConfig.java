package io.cdiconnections.snowflake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.internal.SecretsReader;

/**
 * Streamlit's order for a Snowflake connection's parameters, later winning key by key:
 * <ol>
 * <li>a section of the drivers' {@code connections.toml}: the one {@code connection_name} names
 *     (in secrets or options); else, when the secrets have no {@code [connections.<name>]}
 *     section, the default connection for the name {@code snowflake}
 *     ({@code SNOWFLAKE_DEFAULT_CONNECTION_NAME}, else {@code [default]}) or the section of the
 *     same name for any other name;</li>
 * <li>the {@code [connections.<name>]} section of secrets.toml (with its environment overrides);</li>
 * <li>the options given in code.</li>
 * </ol>
 * Options win over the default connection too: Streamlit passes its keyword arguments with
 * {@code connection_name}, and the connector lays them over that section.
 */
final class SnowflakeConfig {

    static final String CONNECTION_NAME = "connection_name";

    private SnowflakeConfig() {
    }

    /**
     * The resolved parameters and where their base came from.
     *
     * @param values the parameters
     * @param origin a description of the sources, for logs; never a value
     */
    record Resolved(Map<String, String> values, String origin) {
    }

    /**
     * @param params the parameters BaseConnection merged (secrets with options laid over them)
     * @param env    the environment
     * @return the resolved parameters
     */
    static Resolved resolve(ConnectionParameters params, SnowflakeEnvironment env) {
        Map<String, String> secrets = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        params.asMap().forEach((k, v) -> (params.isFromOptions(k) ? options : secrets).put(k, v));
        return resolve(params.connectionName(), secrets, options, env);
    }

    /**
     * @param name    the connection name
     * @param secrets the {@code [connections.<name>]} section as MicroProfile Config sees it
     * @param options the options given in code
     * @param env     the environment
     * @return the resolved parameters
     * @throws ConnectionConfigException when nothing is configured anywhere, or a named
     *                                   connections.toml section does not exist
     */
    static Resolved resolve(String name, Map<String, String> secrets, Map<String, String> options,
                            SnowflakeEnvironment env) {
        boolean hasSection = secrets.keySet().stream().anyMatch(k -> !k.equals("type") && !isBlank(secrets.get(k)));
        String connectionName = firstNonBlank(options.get(CONNECTION_NAME), secrets.get(CONNECTION_NAME));
        Map<String, String> merged = new HashMap<>();
        String origin;
        if (connectionName != null) {
            merged.putAll(requiredSection(name, env, connectionName, CONNECTION_NAME));
            origin = ConnectionsToml.location(env) + " [" + connectionName + "]";
        } else if (!hasSection && name.equals("snowflake")) {
            Optional<String> fromVariable = env.variable(ConnectionsToml.DEFAULT_NAME_VARIABLE).map(String::trim);
            String section = fromVariable.orElse(ConnectionsToml.DEFAULT_SECTION);
            Map<String, String> base = fromVariable.isPresent()
                    ? requiredSection(name, env, section, ConnectionsToml.DEFAULT_NAME_VARIABLE)
                    : optionalSection(name, env, section);
            merged.putAll(base);
            origin = base.isEmpty() ? "options" : ConnectionsToml.location(env) + " [" + section + "]";
        } else if (!hasSection) {
            Map<String, String> base = optionalSection(name, env, name);
            merged.putAll(base);
            origin = base.isEmpty() ? "options" : ConnectionsToml.location(env) + " [" + name + "]";
        } else {
            origin = "secrets.toml " + SecretsReader.section(name);
        }
        secrets.forEach((k, v) -> {
            if (!isBlank(v)) {
                merged.put(k, v);
            }
        });
        merged.putAll(options);
        merged.remove("type");
        if (merged.keySet().stream().allMatch(k -> k.equals(CONNECTION_NAME))) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeMissingConfiguration(name,
                    ConnectionsToml.location(env).toString()));
        }
        if (!options.isEmpty()) {
            origin += " with options " + new java.util.TreeSet<>(options.keySet());
        }
        return new Resolved(merged, origin);
    }

    private static Map<String, String> requiredSection(String connection, SnowflakeEnvironment env, String section,
                                                       String key) {
        Optional<ConnectionsToml> file = ConnectionsToml.read(connection, env);
        if (file.isEmpty()) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeNoSuchSection(connection,
                    ConnectionsToml.location(env).toString(), section, key, null));
        }
        return file.get().section(section).orElseThrow(() -> new ConnectionConfigException(
                SnowflakeMessages.snowflakeNoSuchSection(connection, file.get().file().toString(), section, key,
                        file.get().sections())));
    }

    private static Map<String, String> optionalSection(String connection, SnowflakeEnvironment env, String section) {
        return ConnectionsToml.read(connection, env).flatMap(f -> f.section(section)).orElse(Map.of());
    }

    private static String firstNonBlank(String a, String b) {
        return !isBlank(a) ? a.trim() : !isBlank(b) ? b.trim() : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
