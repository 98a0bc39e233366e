package io.cdiconnections.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.config.SecretsChangeEvent;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.internal.SecretsReader;

/**
 * Resets the connections of a registry whose {@code [connections.<name>]} section changed in a
 * watched secrets file: subscribed to every {@link SecretsConfigSource} of the configuration
 * from creation until {@link #close()}.
 */
final class SecretsResets implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private final Config config;
    private final ConnectionRegistry registry;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    SecretsResets(Config config, ConnectionRegistry registry) {
        this.config = config;
        this.registry = registry;
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SecretsConfigSource secrets) {
                subscriptions.add(secrets.addChangeListener(this::secretsChanged));
            }
        }
    }

    /**
     * Resets the connections whose own section changed; the others keep their raw instances.
     *
     * @param event the changed keys
     */
    void secretsChanged(SecretsChangeEvent event) {
        registry.lookups().clear(); // a changed type key may resolve a name to another class
        for (BaseConnection<?> h : registry.handles()) {
            String prefix = SecretsReader.prefix(h.name());
            if (event.affects(prefix.substring(0, prefix.length() - 1))) {
                h.reset();
            }
        }
    }

    /**
     * Stops the watching of the secrets files of the configuration that no one else listens to.
     *
     * @see ConnectionRegistry#stopWatchingSecrets()
     */
    void stopWatching() {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SecretsConfigSource secrets && !secrets.hasChangeListeners()) {
                secrets.close();
            }
        }
    }

    /** Unsubscribes from every source. */
    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Removing a secrets listener failed", e);
            }
        }
    }
}
