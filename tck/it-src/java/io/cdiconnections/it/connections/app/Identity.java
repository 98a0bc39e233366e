package io.cdiconnections.it.connections.app;

import io.cdiconnections.BaseConnection;

/**
 * Names a handle and its current raw instance, through a CDI client proxy or not: two injection
 * points share a handle exactly when their {@code context()} is the same object, and share a
 * pool when their {@code raw()} is.
 */
public final class Identity {

    private Identity() {
    }

    /**
     * @param connection an injected or looked-up handle
     * @return {@code handle@<id>/raw@<id>}
     */
    public static String of(BaseConnection<?> connection) {
        return "handle@" + Integer.toHexString(System.identityHashCode(connection.context()))
                + "/raw@" + Integer.toHexString(System.identityHashCode(connection.raw()));
    }
}
