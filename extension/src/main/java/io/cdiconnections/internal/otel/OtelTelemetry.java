package io.cdiconnections.internal.otel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cdiconnections.internal.PoolNames;
import io.cdiconnections.internal.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * {@link Telemetry} over an OpenTelemetry that records: the connection-level metrics and spans
 * (connects, resets, ttl retirements) that every connection type gets from {@code BaseConnection}
 * and the registry, and {@link OtelDatabase} for what a connection's statements go to.
 */
final class OtelTelemetry implements Telemetry {

    final Tracer tracer;
    final Instruments instruments;
    final QueryText queryText = new QueryText();
    /** The attributes of each connection's own metrics, by name and type: as many as connections. */
    private final Map<String, Attributes> ofConnection = new ConcurrentHashMap<>();

    OtelTelemetry(OpenTelemetry otel) {
        this.tracer = otel.getTracer(OtelSource.SCOPE);
        this.instruments = new Instruments(otel.getMeter(OtelSource.SCOPE));
    }

    @Override
    public Database database(String connection, String system, String namespace, String address, int port) {
        return new OtelDatabase(this, connection, system, namespace, address, port);
    }

    @Override
    public Telemetry.Span connect(String connection, Class<?> type) {
        Attributes a = attributes(connection, type);
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("cdi_connections.connect " + connection)
                .setSpanKind(SpanKind.INTERNAL).setAllAttributes(a).startSpan();
        return new OtelSpan(span, null, a, () -> instruments.connects.add(1, a),
                () -> instruments.connectFailures.add(1, a));
    }

    @Override
    public void reset(String connection, Class<?> type) {
        instruments.resets.add(1, attributes(connection, type));
    }

    @Override
    public void ttlRetired(String connection, Class<?> type) {
        instruments.ttlRetirements.add(1, attributes(connection, type));
    }

    private Attributes attributes(String connection, Class<?> type) {
        return ofConnection.computeIfAbsent(connection + '\0' + type.getName(), k -> Attributes.of(
                Keys.POOL_NAME, PoolNames.of(connection), Keys.CONNECTION, connection, Keys.TYPE, type.getName()));
    }
}
