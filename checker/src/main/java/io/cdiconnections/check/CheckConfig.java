package io.cdiconnections.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import io.cdiconnections.config.SecretsConfigSource;

/**
 * The smallest MicroProfile {@code Config} the checker needs, so that it runs with no Config
 * implementation on the class path: system properties (ordinal 400), environment variables
 * (300, found by MicroProfile's name mapping) and the secrets files (250, or their
 * {@code config_ordinal}), highest ordinal first. String values only, plus the simple
 * conversions the connection types ask for.
 */
final class CheckConfig implements Config {

    static final String SYSTEM_PROPERTIES = "system properties";
    static final String ENVIRONMENT = "environment variables";

    private final List<ConfigSource> sources;

    CheckConfig(SecretsConfigSource secrets, Map<String, String> systemProperties, Map<String, String> environment) {
        List<ConfigSource> all = new ArrayList<>(List.of(secrets, new MapSource(SYSTEM_PROPERTIES, 400, systemProperties,
                false), new MapSource(ENVIRONMENT, 300, environment, true)));
        all.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        this.sources = List.copyOf(all);
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        for (ConfigSource source : sources) {
            String value = source.getValue(propertyName);
            if (value != null) {
                return new Value(propertyName, value, source);
            }
        }
        return new Value(propertyName, null, null);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() ->
                new NoSuchElementException(CheckMessages.noValue(propertyName)));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = getConfigValue(propertyName).getValue();
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(convert(value, propertyType));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(s -> names.addAll(s.getPropertyNames()));
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return sources;
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.of(value -> convert(value, forType));
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException(CheckMessages.cannotUnwrap(type));
    }

    private static <T> T convert(String value, Class<T> type) {
        Object converted;
        if (type == String.class || type == Object.class) {
            converted = value;
        } else if (type == Boolean.class || type == boolean.class) {
            converted = Boolean.valueOf(value.trim());
        } else if (type == Integer.class || type == int.class) {
            converted = Integer.valueOf(value.trim());
        } else if (type == Long.class || type == long.class) {
            converted = Long.valueOf(value.trim());
        } else {
            throw new IllegalArgumentException(CheckMessages.textOnly(type));
        }
        @SuppressWarnings("unchecked")
        T t = (T) converted;
        return t;
    }

    /** System properties or environment variables, the latter found by MicroProfile's mapping rule. */
    private record MapSource(String name, int ordinal, Map<String, String> values, boolean environment)
            implements ConfigSource {

        @Override
        public Set<String> getPropertyNames() {
            return environment ? Set.of() : values.keySet(); // variables are found by name, never listed
        }

        @Override
        public String getValue(String propertyName) {
            String v = values.get(propertyName);
            if (v != null || !environment) {
                return v;
            }
            String sanitized = propertyName.replaceAll("[^A-Za-z0-9_]", "_");
            v = values.get(sanitized);
            return v != null ? v : values.get(sanitized.toUpperCase(java.util.Locale.ROOT));
        }

        /**
         * @param propertyName a property this source has
         * @return the variable or property name that holds it
         */
        String keyOf(String propertyName) {
            if (values.containsKey(propertyName) || !environment) {
                return propertyName;
            }
            String sanitized = propertyName.replaceAll("[^A-Za-z0-9_]", "_");
            return values.containsKey(sanitized) ? sanitized : sanitized.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getOrdinal() {
            return ordinal;
        }
    }

    /**
     * @param value a value this config returned
     * @return where it came from, in words: the file, the environment variable or the system property
     */
    static String origin(ConfigValue value) {
        if (!(value instanceof Value v) || v.source == null) {
            return CheckMessages.notSet();
        }
        if (v.source instanceof SecretsConfigSource secrets) {
            return secrets.origin(v.name).orElse(CheckMessages.secretsOrigin());
        }
        MapSource m = (MapSource) v.source;
        return CheckMessages.origin(m.environment, m.keyOf(v.name));
    }

    /** One value and the source it came from. */
    private record Value(String name, String value, ConfigSource source) implements ConfigValue {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getValue() {
            return value;
        }

        @Override
        public String getRawValue() {
            return value;
        }

        @Override
        public String getSourceName() {
            return source == null ? null : source.getName();
        }

        @Override
        public int getSourceOrdinal() {
            return source == null ? 0 : source.getOrdinal();
        }

        @Override
        public String toString() {
            return "ConfigValue[" + name + " from " + getSourceName() + "]"; // never the value
        }
    }
}
