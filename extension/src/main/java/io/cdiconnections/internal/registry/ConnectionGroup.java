package io.cdiconnections.internal.registry;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;

/**
 * One cache of the registry: every handle of one (class, ttl, maxEntries), by (name, options).
 * The same key always gives the same handle while anyone holds it; the live raw instances are
 * bounded by maxEntries, the least recently used retired first.
 */
final class ConnectionGroup {

    private final Resolution.GroupKey key;
    private final ConnectionRegistry registry;
    private final ConcurrentHashMap<Resolution.HandleKey, HandleRef> handles = new ConcurrentHashMap<>();
    private final Set<HandleSlot> live = ConcurrentHashMap.newKeySet();
    private final Set<BaseConnection<?>> unshared = ConcurrentHashMap.newKeySet();

    ConnectionGroup(Resolution.GroupKey key, ConnectionRegistry registry) {
        this.key = key;
        this.registry = registry;
    }

    Resolution.GroupKey key() {
        return key;
    }

    ConnectionRegistry registry() {
        return registry;
    }

    Set<HandleSlot> live() {
        return live;
    }

    /**
     * @param r    the resolution
     * @param refs where collected handles are queued
     * @return the shared handle of the resolution's (name, options), made if there is none
     */
    BaseConnection<?> handle(Resolution r, ReferenceQueue<BaseConnection<?>> refs) {
        Resolution.HandleKey k = r.handleKey();
        HandleRef ref = handles.get(k);
        BaseConnection<?> h = ref == null ? null : ref.get();
        if (h != null && !h.isClosed()) {
            return h;
        }
        BaseConnection<?>[] made = new BaseConnection<?>[1];
        handles.compute(k, (key, old) -> {
            BaseConnection<?> existing = old == null ? null : old.get();
            if (existing != null && !existing.isClosed()) {
                made[0] = existing;
                return old;
            }
            made[0] = newHandle(r, true);
            return new HandleRef(made[0], this, key, refs);
        });
        return made[0];
    }

    /**
     * @param r a GLOBAL resolution
     * @return how this cache holds the handle of its (name, options), or null
     */
    HandleRef ref(Resolution r) {
        return handles.get(r.handleKey());
    }

    /**
     * @param r the resolution
     * @return a new handle that no cache shares (a SESSION connection); the caller closes it
     */
    BaseConnection<?> open(Resolution r) {
        BaseConnection<?> h = newHandle(r, false);
        unshared.add(h);
        return h;
    }

    private BaseConnection<?> newHandle(Resolution r, boolean shared) {
        HandleSlot slot = new HandleSlot(this, r.handleKey(), shared);
        return TypeResolver.instantiate(r.type(), new ConnectionContext(r.name(), r.options(), r.ttl(),
                r.maxEntries(), registry.config(), slot));
    }

    /** Retires least recently used raw instances until the bound holds again. */
    void evictBeyondBound(HandleSlot newcomer) {
        int attempts = 0;
        while (live.size() > key.maxEntries() && attempts++ <= key.maxEntries() + 4) {
            HandleSlot victim = null;
            for (HandleSlot s : live) {
                if (s != newcomer && (victim == null || s.lastUsed - victim.lastUsed < 0)) {
                    victim = s;
                }
            }
            if (victim == null) {
                return;
            }
            victim.evict();
        }
    }

    void closed(HandleSlot slot, BaseConnection<?> handle, boolean shared) {
        if (shared) {
            handles.computeIfPresent(slot.key(), (k, ref) -> ref.get() == handle ? null : ref);
            registry.forget(this, slot.key());
        } else {
            unshared.remove(handle);
        }
    }

    /** Drops the entry of a handle that was garbage-collected (it had no live raw instance). */
    void collected(HandleRef ref) {
        handles.remove(ref.key, ref);
    }

    /**
     * @param k a handle key
     * @return whether this cache holds a live handle for it now
     */
    boolean holds(Resolution.HandleKey k) {
        HandleRef ref = handles.get(k);
        BaseConnection<?> h = ref == null ? null : ref.get();
        return h != null && !h.isClosed();
    }

    /** @return every handle that exists now, shared and unshared */
    List<BaseConnection<?>> handles() {
        List<BaseConnection<?>> all = new ArrayList<>(unshared);
        for (HandleRef ref : handles.values()) {
            BaseConnection<?> h = ref.get();
            if (h != null) {
                all.add(h);
            }
        }
        return all;
    }

    /** How a cache holds a handle: weakly, so that idle handles of many names do not pile up. */
    static final class HandleRef extends WeakReference<BaseConnection<?>> {
        final ConnectionGroup group;
        final Resolution.HandleKey key;

        HandleRef(BaseConnection<?> handle, ConnectionGroup group, Resolution.HandleKey key,
                  ReferenceQueue<BaseConnection<?>> queue) {
            super(handle, queue);
            this.group = group;
            this.key = key;
        }
    }
}
