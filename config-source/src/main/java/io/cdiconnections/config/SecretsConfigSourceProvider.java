package io.cdiconnections.config;

import java.util.List;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Registers a {@link SecretsConfigSource} with MicroProfile Config through
 * {@code META-INF/services}, one per class loader the implementation asks about, so that each
 * WAR of a server sees its own {@code WEB-INF/classes/.streamlit/secrets.toml}.
 *
 * <p>Nothing to call: adding the jar to the application is enough, and
 * {@code ConfigProvider.getConfig().getValue("connections.sql.host", String.class)} reads the
 * file.
 */
public final class SecretsConfigSourceProvider implements ConfigSourceProvider {

    /** Called by the MicroProfile Config implementation through {@link java.util.ServiceLoader}. */
    public SecretsConfigSourceProvider() {
    }

    /**
     * Reads the secrets files for one application.
     *
     * @param forClassLoader the application's class loader; null means this library's own
     * @return one {@link SecretsConfigSource}
     * @throws SecretsException when a secrets file is invalid, unreadable or missing, so that
     *                          the application does not start with half its configuration
     */
    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        ClassLoader loader = forClassLoader != null ? forClassLoader
                : SecretsConfigSourceProvider.class.getClassLoader();
        return List.of(new SecretsConfigSource(loader));
    }

    /** Names the provider; it holds no state of its own. */
    @Override
    public String toString() {
        return "SecretsConfigSourceProvider";
    }
}
