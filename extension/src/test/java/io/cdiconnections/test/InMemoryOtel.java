package io.cdiconnections.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.cdiconnections.internal.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The OpenTelemetry SDK with its in-memory span exporter and metric reader, installed as
 * {@link GlobalOpenTelemetry} for a test: handles made while it is open record to it. Closing it
 * puts back a world without OpenTelemetry (for the library: it looks again at the next handle).
 */
public final class InMemoryOtel implements AutoCloseable {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk;

    public InMemoryOtel() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(sdk);
        Telemetry.forget();
    }

    /** @return the spans ended so far */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /** @return the metrics now (cumulative since the start) */
    public List<MetricData> metrics() {
        return new ArrayList<>(metrics.collectAllMetrics());
    }

    /** @return the metric of this name now, or null */
    public MetricData metric(String name) {
        Collection<MetricData> all = metrics.collectAllMetrics();
        return all.stream().filter(m -> m.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        GlobalOpenTelemetry.resetForTest();
        Telemetry.forget();
        sdk.close();
    }
}
