package io.cdiconnections.internal.otel;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

/**
 * What {@code cdi_connections.cache.bytes} reads at each collection: the bytes of each
 * connection's ttl result cache, by the connection's attributes (a later connect replaces the
 * earlier one's). Each source is held weakly, so a closed handle's cache is neither kept alive
 * nor reported once collected.
 */
final class CacheBytes {

    private final Map<Attributes, WeakReference<LongSupplier>> sources = new ConcurrentHashMap<>();

    /**
     * @param attributes the connection's attributes
     * @param bytes      the bytes its cache holds now, kept alive by its owner
     */
    void register(Attributes attributes, LongSupplier bytes) {
        sources.put(attributes, new WeakReference<>(bytes));
    }

    void observe(ObservableLongMeasurement measurement) {
        sources.forEach((attributes, ref) -> {
            LongSupplier bytes = ref.get();
            if (bytes == null) {
                sources.remove(attributes, ref);
            } else {
                measurement.record(bytes.getAsLong(), attributes);
            }
        });
    }
}
