package io.cdiconnections.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
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
     * @param connectionName the connection name
     * @return its section as secrets.toml writes it, such as {@code [connections.sql]}: the words
     *         every message uses to point at it
     */
    public static String section(String connectionName) {
        return "[connections." + quote(connectionName) + "]";
    }

    /**
     * @param connectionName the connection name
     * @param key            a key of its section
     * @return the environment variable that sets the key, such as {@code CONNECTIONS_SQL_PASSWORD}
     */
    public static String environmentVariable(String connectionName, String key) {
        return environmentVariable(prefix(connectionName) + key);
    }

    /**
     * @param segment one key segment
     * @return the segment, quoted when it holds a dot
     */
    public static String quote(String segment) {
        return segment.indexOf('.') >= 0 ? '"' + segment + '"' : segment;
    }

    /**
     * The section's values, each exactly as its source holds it, from one snapshot of every
     * secrets source. Two rules that one {@code getConfigValue} per key cannot keep:
     *
     * <ul>
     * <li><b>One snapshot</b>: a secrets file swapped while the section is read gives all keys of
     *     the old file or all of the new one, never some of each. The snapshot of each
     *     {@link SecretsConfigSource} is taken once ({@code getProperties()} is one immutable
     *     map); the other sources (environment variables, system properties) are asked key by key
     *     and still win over the files by ordinal.</li>
     * <li><b>Literal values</b>: {@code ${...}} is not expanded, as Streamlit reads secrets.
     *     A password {@code Pw${X}x} reaches the driver as written, whichever MicroProfile Config
     *     implementation the server has (their expansion rules and {@code getRawValue()}
     *     differ).</li>
     * </ul>
     *
     * @param config         the configuration
     * @param connectionName the connection name
     * @param knownKeys      keys to look up even when no source lists them (environment variables
     *                       are found by name, never listed)
     * @return the section's keys, relative to it, and their values
     * @throws AmbiguousVariableException when an environment variable that sets a
     *         key of this section sets the same key of another section too
     */
    public static Map<String, String> read(Config config, String connectionName, Set<String> knownKeys) {
        String prefix = prefix(connectionName);
        List<ConfigSource> sources = new ArrayList<>();
        config.getConfigSources().forEach(sources::add);
        // the order MicroProfile Config promises; sorted again, stably, in case an implementation does not
        sources.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        Map<ConfigSource, Map<String, String>> snapshots = new IdentityHashMap<>();
        Set<String> keys = new HashSet<>(knownKeys);
        for (ConfigSource source : sources) {
            // each source's names, not config.getPropertyNames(): an implementation may cache those,
            // and a secrets file edited at run time adds keys
            Iterable<String> names = source.getPropertyNames();
            if (source instanceof SecretsConfigSource secrets) {
                Map<String, String> snapshot = secrets.getProperties();
                snapshots.put(source, snapshot);
                names = snapshot.keySet();
            }
            for (String property : names) {
                if (property.startsWith(prefix) && property.length() > prefix.length()) {
                    keys.add(property.substring(prefix.length()));
                }
            }
        }
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            String property = prefix + key;
            for (ConfigSource source : sources) {
                Map<String, String> snapshot = snapshots.get(source);
                String value = snapshot != null ? snapshot.get(property) : source.getValue(property);
                if (value != null) {
                    if (snapshot == null) {
                        rejectSharedVariable(source, property, connectionName, key, sources, snapshots);
                    }
                    values.put(key, value);
                    break;
                }
            }
        }
        return values;
    }

    /**
     * An environment variable found for {@code connections.my-db.password} is also the one of
     * {@code connections.my_db.password}: when both sections exist, it would silently set both.
     */
    private static void rejectSharedVariable(ConfigSource source, String property, String connectionName, String key,
                                             List<ConfigSource> sources, Map<ConfigSource, Map<String, String>> snapshots) {
        String variable = environmentVariable(property);
        if (variable.equals(property) || source.getValue(variable) == null) {
            return;
        }
        String sectionVariable = environmentVariable(prefix(connectionName));
        for (ConfigSource other : sources) {
            Map<String, String> snapshot = snapshots.get(other);
            for (String name : snapshot != null ? snapshot.keySet() : other.getPropertyNames()) {
                String otherName = connectionName(name);
                if (otherName != null && !otherName.equals(connectionName)
                        && environmentVariable(prefix(otherName)).equals(sectionVariable)) {
                    throw new AmbiguousVariableException(
                            SecretsMessages.sharedVariable(variable, key, connectionName, otherName));
                }
            }
        }
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
        return secrets == null ? SecretsMessages.noSecretsSource(name)
                : SecretsMessages.sectionNowhere(name, secrets.files(), secrets.searched());
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

    /**
     * An environment variable that sets a key of two sections at once ({@code my-db} and
     * {@code my_db} both map to {@code CONNECTIONS_MY_DB_}): the caller reports it as a
     * configuration error of its connection.
     */
    public static final class AmbiguousVariableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AmbiguousVariableException(String message) {
            super(message);
        }
    }
}
