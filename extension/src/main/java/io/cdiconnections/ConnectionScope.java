package io.cdiconnections;

/**
 * How widely one handle of a connection type is shared, as Streamlit's
 * {@code BaseConnection.scope()} (1.53) says.
 */
public enum ConnectionScope {
    /** One handle per application (per deployment), shared by every request and session. */
    GLOBAL,
    /**
     * One handle per HTTP session, closed when the session ends. Injected with CDI's
     * {@code @SessionScoped}.
     */
    SESSION
}
