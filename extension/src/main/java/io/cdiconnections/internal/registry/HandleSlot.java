package io.cdiconnections.internal.registry;

import java.util.concurrent.ScheduledFuture;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.internal.Telemetry;

/**
 * The registry's side of one handle: which raw instance of it is live, when it was last used
 * (for least-recently-used eviction) and its pending ttl expiry. While a raw instance is live the
 * slot holds the handle strongly, so that a live pool is always reachable and closed at shutdown;
 * an idle handle is held only weakly by its cache.
 */
final class HandleSlot implements ConnectionLifecycle {

    private final ConnectionGroup group;
    private final Resolution.HandleKey key;
    private final boolean shared;
    private final boolean bounded;

    // guarded by this
    private RawInstance raw;
    private BaseConnection<?> liveHandle;
    private ScheduledFuture<?> expiry;

    /** Written on every use of a bounded cache's handle; a stale read only blurs LRU order. */
    long lastUsed;

    HandleSlot(ConnectionGroup group, Resolution.HandleKey key, boolean shared) {
        this.group = group;
        this.key = key;
        this.shared = shared;
        this.bounded = group.key().bounded();
    }

    Resolution.HandleKey key() {
        return key;
    }

    @Override
    public void connected(BaseConnection<?> connection, RawInstance instance) {
        synchronized (this) {
            raw = instance;
            liveHandle = connection;
            lastUsed = System.nanoTime();
            group.live().add(this);
            if (group.key().ttl() != null) {
                expiry = group.registry().schedule(() -> {
                    Telemetry.current().ttlRetired(connection.name(), connection.getClass());
                    instance.retire();
                }, group.key().ttl());
            }
        }
        if (bounded) {
            group.evictBeyondBound(this);
        }
    }

    @Override
    public void used(BaseConnection<?> connection) {
        if (bounded) {
            lastUsed = System.nanoTime();
        }
    }

    @Override
    public void retired(BaseConnection<?> connection, RawInstance instance) {
        ScheduledFuture<?> pending;
        synchronized (this) {
            if (raw != instance) {
                return;
            }
            raw = null;
            liveHandle = null;
            pending = expiry;
            expiry = null;
            group.live().remove(this);
        }
        if (pending != null) {
            pending.cancel(false);
        }
    }

    @Override
    public void closed(BaseConnection<?> connection) {
        group.closed(this, connection, shared);
    }

    /** Retires the live raw instance, if any (least-recently-used eviction). */
    void evict() {
        RawInstance r;
        synchronized (this) {
            r = raw;
            if (r == null) {
                group.live().remove(this);
                return;
            }
        }
        r.retire();
    }

    /** @return the handle while a raw instance of it is live, else null */
    synchronized BaseConnection<?> liveHandle() {
        return liveHandle;
    }
}
