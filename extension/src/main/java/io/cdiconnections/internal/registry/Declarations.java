package io.cdiconnections.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What health checks list: every resolution declared by an injection point (for the life of the
 * registry, even before its first use) and every one used through {@code Connections} while its
 * handle exists, first come first kept. Also warns, once per (class, name, options), when those
 * are asked for with another ttl or maxEntries: that makes two handles and two pools.
 */
final class Declarations {

    /** Under the registry's name, where the warning has always been logged. */
    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private final Map<Declared, Resolution> declared = new ConcurrentHashMap<>();
    /** The declared ones, which stay when their handle goes. */
    private final Set<Declared> pinned = ConcurrentHashMap.newKeySet();
    /** The cache each (class, name, options) was first asked of, and those already warned about. */
    private final Map<Resolution.SharingKey, Resolution.GroupKey> firstGroups = new ConcurrentHashMap<>();
    private final Set<Resolution.SharingKey> warned = ConcurrentHashMap.newKeySet();

    /**
     * Records a resolution an injection point declares, for good, and warns as {@link #used} does.
     *
     * @param r the resolution
     */
    void declare(Resolution r) {
        pinned.add(new Declared(r.groupKey(), r.handleKey()));
        used(r);
    }

    /**
     * Records a resolution in use until its handle is gone, and warns once when the same (class,
     * name, options) was asked for with another ttl or maxEntries.
     *
     * @param r the resolution
     */
    void used(Resolution r) {
        declared.putIfAbsent(new Declared(r.groupKey(), r.handleKey()), r);
        Resolution.SharingKey sharing = new Resolution.SharingKey(r.type(), r.name(), r.options());
        Resolution.GroupKey first = firstGroups.putIfAbsent(sharing, r.groupKey());
        if (first != null && !first.equals(r.groupKey()) && warned.add(sharing)) {
            LOG.log(Level.WARNING, RegistryMessages.twoPools(r.name(), r.type(), first.ttl(), first.maxEntries(),
                    r.ttl(), r.maxEntries()));
        }
    }

    /**
     * Forgets a used (not declared) resolution whose cache no longer holds a handle for it
     * (collected or closed), so that thousands of dynamic names do not pile up in health reports
     * and memory.
     *
     * @param group the cache
     * @param key   the handle's key in it
     */
    void forget(ConnectionGroup group, Resolution.HandleKey key) {
        Declared d = new Declared(group.key(), key);
        if (pinned.contains(d) || group.holds(key)) {
            return;
        }
        declared.remove(d);
        firstGroups.remove(new Resolution.SharingKey(group.key().type(), key.name(), key.options()), group.key());
    }

    /** @return every resolution recorded, sorted by name */
    List<Resolution> list() {
        List<Resolution> all = new ArrayList<>(declared.values());
        all.sort(Comparator.comparing(Resolution::name));
        return all;
    }

    /** Which handle a declared resolution stands for. */
    private record Declared(Resolution.GroupKey group, Resolution.HandleKey handle) {
    }
}
