package io.cdiconnections.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.cdiconnections.config.SecretsConfigSource;

/**
 * Reads the {@code [connections.<name>]} section through MicroProfile Config, so that every
 * source (environment variables and system properties above the secrets file) takes part.
 */
public final class SecretsReader {

    private SecretsReader() {
    }

    /**
     * @param connectionName the connection name
     * @return the config key prefix of its section, with a trailing dot; a name holding a dot is
     *         quoted, as the secrets source flattens it
     */
    public static String prefix(String connectionName) {
        return "connections." + quote(connectionName) + ".";
    }

    /**
     * @param segment one key segment
     * @return the segment, quoted when it holds a dot
     */
    public static String quote(String segment) {
        return segment.indexOf('.') >= 0 ? '"' + segment + '"' : segment;
    }

    /**
     * @param config         the configuration
     * @param connectionName the connection name
     * @param knownKeys      keys to look up even when no source lists them (environment variables
     *                       are found by name, never listed)
     * @return the section's keys, relative to it, and their values
     */
    public static Map<String, String> read(Config config, String connectionName, Set<String> knownKeys) {
        String prefix = prefix(connectionName);
        Set<String> keys = new HashSet<>(knownKeys);
        // each source's names, not config.getPropertyNames(): an implementation may cache those,
        // and a secrets file edited at run time adds keys
        for (ConfigSource source : config.getConfigSources()) {
            for (String property : source.getPropertyNames()) {
                if (property.startsWith(prefix) && property.length() > prefix.length()) {
                    keys.add(property.substring(prefix.length()));
                }
            }
        }
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            ConfigValue value = config.getConfigValue(prefix + key);
            if (value != null && value.getValue() != null) {
                values.put(key, value.getValue());
            }
        }
        return values;
    }

    /**
     * The connection names that have a section in some config source: the {@code <name>} of
     * every {@code connections.<name>.<key>} property ({@code connections."my.db".host} gives
     * {@code my.db}). Environment variables declare none: they are found by name, never listed.
     *
     * @param config the configuration
     * @return the names, sorted
     */
    public static java.util.SortedSet<String> connectionNames(Config config) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String property : source.getPropertyNames()) {
                String name = connectionName(property);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * @param property a config property name
     * @return the connection name of a {@code connections.<name>.<key>} property, else null
     */
    public static String connectionName(String property) {
        if (!property.startsWith("connections.")) {
            return null;
        }
        String rest = property.substring("connections.".length());
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            return end > 1 && rest.length() > end + 2 && rest.charAt(end + 1) == '.' ? rest.substring(1, end) : null;
        }
        int dot = rest.indexOf('.');
        return dot > 0 && dot < rest.length() - 1 ? rest.substring(0, dot) : null;
    }

    /**
     * Where a connection's section was looked for, when no source has a single key of it: the
     * usual cause of a configuration problem is a secrets.toml that was not found or a section
     * under another name.
     *
     * @param config the configuration
     * @param name   the connection name
     * @return {@code ""} when some source (a secrets file, an environment variable, a system
     *         property) has a key of {@code [connections.<name>]}; else a sentence to append to the
     *         problem, naming the files read or the places searched
     */
    public static String whereSectionWasLookedFor(Config config, String name) {
        String variablePrefix = environmentVariable(prefix(name));
        SecretsConfigSource secrets = null;
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SecretsConfigSource s) {
                secrets = s;
            }
            for (String property : source.getPropertyNames()) {
                if (name.equals(connectionName(property)) || property.startsWith(variablePrefix)) {
                    return "";
                }
            }
        }
        return secrets == null ? Messages.noSecretsSource(name)
                : Messages.sectionNowhere(name, secrets.files(), secrets.searched());
    }

    /**
     * @param propertyName a config property name
     * @return the environment variable MicroProfile Config maps it to
     *         ({@code connections.my-db.password} becomes {@code CONNECTIONS_MY_DB_PASSWORD})
     */
    public static String environmentVariable(String propertyName) {
        StringBuilder sb = new StringBuilder(propertyName.length());
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }
}
