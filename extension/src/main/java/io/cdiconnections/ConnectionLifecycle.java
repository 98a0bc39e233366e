package io.cdiconnections;

import java.time.Instant;

/**
 * Hooks through which a {@link BaseConnection} tells its owner (the connection registry) when a
 * raw instance comes to life, is used and is retired. An SPI: application code never implements
 * it. The hooks run on the thread that caused the event and must return quickly;
 * {@link #used(BaseConnection)} is on every call's path.
 */
public interface ConnectionLifecycle {

    /** Hooks that do nothing: a handle created outside any registry. */
    ConnectionLifecycle NONE = new ConnectionLifecycle() { };

    /**
     * A raw instance was created.
     *
     * @param connection the handle
     * @param instance   the new raw instance's lifetime, to retire it later (ttl, eviction)
     */
    default void connected(BaseConnection<?> connection, RawInstance instance) {
    }

    /**
     * The raw instance of a handle is about to be used (for least-recently-used bookkeeping).
     *
     * @param connection the handle
     */
    default void used(BaseConnection<?> connection) {
    }

    /**
     * A raw instance was retired (reset, ttl, eviction, secrets change, close); it is closed
     * once its last in-flight use ends.
     *
     * @param connection the handle
     * @param instance   the retired instance's lifetime
     */
    default void retired(BaseConnection<?> connection, RawInstance instance) {
    }

    /**
     * The handle was closed and must not be handed out again.
     *
     * @param connection the handle
     */
    default void closed(BaseConnection<?> connection) {
    }

    /** The lifetime of one raw instance of a handle. */
    interface RawInstance {

        /**
         * Retires this raw instance if it is still the handle's current one; does nothing
         * otherwise. It is closed when its last in-flight use ends.
         */
        void retire();

        /** @return when the raw instance was created */
        Instant createdAt();
    }
}
