package io.cdiconnections.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * STUB: the shape the extension codes against; the config-source work replaces the body.
 * Exposes Streamlit's secrets.toml files as a MicroProfile {@link ConfigSource}.
 */
public final class SecretsConfigSource implements ConfigSource {

    /** Name of this source as {@link #getName()} reports it. */
    public static final String NAME = "SecretsConfigSource";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return 250;
    }

    /**
     * Registers a listener told of every later change of this source's values.
     *
     * @param listener the listener
     * @return a handle whose {@code close()} removes the listener again
     */
    public AutoCloseable addChangeListener(SecretsChangeListener listener) {
        return () -> { };
    }
}
