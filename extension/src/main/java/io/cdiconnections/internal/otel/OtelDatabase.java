package io.cdiconnections.internal.otel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.cdiconnections.internal.PoolNames;
import io.cdiconnections.internal.Telemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;

/**
 * What one connect's statements go to: a database span per statement ({@code CLIENT}, named by
 * its operation, with {@code db.query.text} as written, literals as {@code ?}), a span per
 * transaction, a span per stream of rows and per insert of rows (with the rows as an
 * attribute), the span of a cache hit, and the metrics of the connection's result cache,
 * streams and pool. The attributes are made once per operation name, a fixed set.
 */
final class OtelDatabase implements Telemetry.Database {

    private final OtelTelemetry telemetry;
    private final String system;
    /** pool name, system, namespace, address, port: every metric of this connection carries them. */
    private final Attributes base;
    private final Map<String, Attributes> byOperation = new ConcurrentHashMap<>();

    OtelDatabase(OtelTelemetry telemetry, String connection, String system, String namespace, String address,
            int port) {
        this.telemetry = telemetry;
        this.system = system;
        AttributesBuilder b = Attributes.builder().put(Keys.POOL_NAME, PoolNames.of(connection))
                .put(Keys.SYSTEM, system);
        if (namespace != null && !namespace.isEmpty()) {
            b.put(Keys.NAMESPACE, namespace);
        }
        if (address != null && !address.isEmpty()) {
            b.put(Keys.ADDRESS, address);
            if (port > 0) {
                b.put(Keys.PORT, (long) port);
            }
        }
        this.base = b.build();
    }

    private Attributes attributes(String operation) {
        if (operation == null) {
            return base;
        }
        return byOperation.computeIfAbsent(operation, op -> base.toBuilder().put(Keys.OPERATION, op).build());
    }

    @Override
    public Telemetry.Span query(String sql) {
        QueryText.Parsed q = telemetry.queryText.parse(sql);
        Attributes a = attributes(q.operation());
        Span span = telemetry.tracer.spanBuilder(q.operation() != null ? q.operation() : system)
                .setSpanKind(SpanKind.CLIENT).setAllAttributes(a).setAttribute(Keys.QUERY_TEXT, q.text()).startSpan();
        return new OtelSpan(span, telemetry.instruments.operationDuration, a);
    }

    @Override
    public void cacheHit(String sql) {
        QueryText.Parsed q = telemetry.queryText.parse(sql);
        telemetry.instruments.cacheHits.add(1, base);
        telemetry.tracer.spanBuilder("cdi_connections.cache " + (q.operation() != null ? q.operation() : system))
                .setSpanKind(SpanKind.INTERNAL).setAllAttributes(attributes(q.operation()))
                .setAttribute(Keys.QUERY_TEXT, q.text()).setAttribute(Keys.CACHE_HIT, true).startSpan().end();
    }

    @Override
    public void cacheMiss() {
        telemetry.instruments.cacheMisses.add(1, base);
    }

    @Override
    public void cacheEviction() {
        telemetry.instruments.cacheEvictions.add(1, base);
    }

    @Override
    public Telemetry.Span stream(String sql) {
        QueryText.Parsed q = telemetry.queryText.parse(sql);
        Span span = telemetry.tracer.spanBuilder(q.operation() != null ? q.operation() : system)
                .setSpanKind(SpanKind.CLIENT).setAllAttributes(attributes(q.operation()))
                .setAttribute(Keys.QUERY_TEXT, q.text()).startSpan();
        return OtelSpan.ofRows(span, false, null, base, Keys.RETURNED_ROWS);
    }

    @Override
    public Telemetry.Span insert(String table) {
        Attributes a = attributes("INSERT");
        Span span = telemetry.tracer.spanBuilder("INSERT " + table).setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(a).setAttribute(Keys.COLLECTION, table).startSpan();
        return OtelSpan.ofRows(span, true, telemetry.instruments.operationDuration, a, Keys.INSERTED_ROWS);
    }

    @Override
    public void cacheBytes(LongSupplier bytes) {
        telemetry.instruments.cacheBytes.register(base, bytes);
    }

    @Override
    public void cacheSharedFailure() {
        telemetry.instruments.cacheSharedFailures.add(1, base);
    }

    @Override
    public Telemetry.Span transaction() {
        Span span = telemetry.tracer.spanBuilder("cdi_connections.transaction").setSpanKind(SpanKind.INTERNAL)
                .setAllAttributes(base).startSpan();
        return new OtelSpan(span, null, base);
    }

    @Override
    public void streams(int delta) {
        telemetry.instruments.streamsOpen.add(delta, base);
    }

    @Override
    public Object poolMetrics() {
        return new PoolMetrics(telemetry.instruments, base);
    }
}
