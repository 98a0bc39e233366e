/**
 * Streamlit's {@code secrets.toml} as a MicroProfile Config source.
 *
 * <p>Public: {@link io.cdiconnections.config.SecretsConfigSource} (the source),
 * {@link io.cdiconnections.config.SecretsConfigSourceProvider} (its registration through
 * {@code META-INF/services}), {@link io.cdiconnections.config.SecretsChangeListener} and
 * {@link io.cdiconnections.config.SecretsChangeEvent} (told of reloads), and
 * {@link io.cdiconnections.config.SecretsException} (a file that cannot be used). Everything else
 * is package-private. See docs/config-source.md for discovery, flattening and reloading.
 */
package io.cdiconnections.config;
