package io.cdiconnections.benchmarks;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OpenTelemetry SDK as the observability benchmarks run it: every span sampled and batched to
 * an exporter that only counts, every metric collected by a periodic reader whose exporter drops
 * them. What a server with MicroProfile Telemetry enabled does, less the network.
 */
final class RecordingSdk implements AutoCloseable {

    private final AtomicLong exported = new AtomicLong();
    private final OpenTelemetrySdk sdk;

    RecordingSdk() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(new CountingSpans()).build()).build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.create(new DiscardedMetrics())).build())
                .build();
    }

    /** @return the SDK, to install as the global OpenTelemetry */
    OpenTelemetrySdk sdk() {
        return sdk;
    }

    /** @return the spans exported so far, after flushing the batch */
    long flushAndCountSpans() {
        sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
        return exported.get();
    }

    @Override
    public void close() {
        sdk.close();
    }

    private final class CountingSpans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static final class DiscardedMetrics implements MetricExporter {
        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
