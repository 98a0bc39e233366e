/**
 * The connection registry of one application: Streamlit's {@code st.cache_resource} for
 * connections. It resolves a request to a connection class, shares one handle per distinct
 * request, and retires raw instances by ttl, by {@code maxEntries} and when the secrets change.
 */
package io.cdiconnections.internal.registry;
