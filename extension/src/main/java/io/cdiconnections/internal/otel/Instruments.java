package io.cdiconnections.internal.otel;

import java.util.List;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Every instrument of the library, made once per application. Names and units follow
 * OpenTelemetry's database client metrics ({@code db.client.*}, durations in seconds); ours are
 * under {@code cdi_connections.*}. No attribute of any of them holds query text or a value, so
 * the number of series is bounded by the number of connections.
 */
final class Instruments {

    final Meter meter;
    final DoubleHistogram operationDuration;
    final DoubleHistogram createTime;
    final DoubleHistogram waitTime;
    final DoubleHistogram useTime;
    final LongCounter timeouts;
    final LongCounter connects;
    final LongCounter connectFailures;
    final LongCounter resets;
    final LongCounter ttlRetirements;
    final LongCounter cacheHits;
    final LongCounter cacheMisses;
    final LongCounter cacheEvictions;
    final LongUpDownCounter streamsOpen;
    final LongCounter cacheSharedFailures;
    /** The bytes of each connection's ttl cache, read at each collection: {@link #cacheBytes}. */
    final CacheBytes cacheBytes = new CacheBytes();

    Instruments(Meter meter) {
        this.meter = meter;
        operationDuration = seconds("db.client.operation.duration", "Duration of database client operations.");
        createTime = seconds("db.client.connection.create_time", "The time it took to create a new connection.");
        waitTime = seconds("db.client.connection.wait_time", "The time it took to obtain an open connection from the pool.");
        useTime = seconds("db.client.connection.use_time",
                "The time between borrowing a connection and returning it to the pool.");
        timeouts = counter("db.client.connection.timeouts", "{timeout}",
                "The number of connection timeouts that have occurred trying to obtain a connection from the pool.");
        connects = counter("cdi_connections.connects", "{connect}", "Raw instances a connection made (a pool, a session).");
        connectFailures = counter("cdi_connections.connect_failures", "{connect}", "Connects that failed.");
        resets = counter("cdi_connections.resets", "{reset}", "Calls of reset() on a connection.");
        ttlRetirements = counter("cdi_connections.ttl_retirements", "{retirement}",
                "Raw instances retired because their connection's ttl passed.");
        cacheHits = counter("cdi_connections.cache.hits", "{query}", "Queries answered from the ttl result cache.");
        cacheMisses = counter("cdi_connections.cache.misses", "{query}",
                "Queries with a ttl whose result was not in the cache.");
        cacheEvictions = counter("cdi_connections.cache.evictions", "{result}",
                "Results dropped from the ttl cache before their ttl for room.");
        streamsOpen = meter.upDownCounterBuilder("cdi_connections.streams.open").setUnit("{stream}")
                .setDescription("Streams of rows open now, each holding a pooled connection.").build();
        cacheSharedFailures = counter("cdi_connections.cache.shared_failures", "{failure}",
                "Times the shared result cache failed and a query went to the database instead.");
        meter.upDownCounterBuilder("cdi_connections.cache.bytes").setUnit("By")
                .setDescription("Estimated bytes of results the ttl cache holds in this JVM.")
                .buildWithCallback(cacheBytes::observe);
    }

    /** The buckets the semantic conventions advise for durations in seconds (the SDK's default ones are for milliseconds). */
    private static final List<Double> BUCKETS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

    private DoubleHistogram seconds(String name, String description) {
        DoubleHistogramBuilder b = meter.histogramBuilder(name).setUnit("s").setDescription(description);
        try {
            b.setExplicitBucketBoundariesAdvice(BUCKETS);
        } catch (NoSuchMethodError e) {
            // an OpenTelemetry API older than 1.32 (a server's own): its default buckets
        }
        return b.build();
    }

    private LongCounter counter(String name, String unit, String description) {
        return meter.counterBuilder(name).setUnit(unit).setDescription(description).build();
    }
}
