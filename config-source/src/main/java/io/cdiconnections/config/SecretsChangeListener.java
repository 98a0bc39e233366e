package io.cdiconnections.config;

/**
 * Told when the values of a {@link SecretsConfigSource} change after a secrets file was edited,
 * created or deleted.
 *
 * <p>An SPI for the modules of cdi-connections (the connection registry resets the connections
 * whose own {@code [connections.<name>]} section changed). Register with
 * {@link SecretsConfigSource#addChangeListener(SecretsChangeListener)}:
 *
 * <pre>{@code
 * for (ConfigSource s : config.getConfigSources()) {
 *     if (s instanceof SecretsConfigSource secrets) {
 *         secrets.addChangeListener(event -> {
 *             if (event.affects("connections.sql")) sql.reset();
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>The listener is called after the new values are visible through the source, on the
 * watcher's thread; it should return quickly. A listener that throws is logged and does not
 * stop the others.
 */
@FunctionalInterface
public interface SecretsChangeListener {

    /**
     * Called once per change that altered at least one key.
     *
     * @param event which flattened keys were added, removed or given another value
     */
    void secretsChanged(SecretsChangeEvent event);
}
