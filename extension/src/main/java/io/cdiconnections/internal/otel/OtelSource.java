package io.cdiconnections.internal.otel;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import io.cdiconnections.internal.Telemetry;
import io.cdiconnections.internal.TelemetrySource;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * The {@link TelemetrySource} over OpenTelemetry: the application's {@code OpenTelemetry} CDI bean
 * when there is one (MicroProfile Telemetry provides it), else {@link GlobalOpenTelemetry}. A
 * no-op OpenTelemetry (nothing installed, or MicroProfile Telemetry disabled) gives
 * {@link Telemetry#NONE}, so nothing is recorded or allocated on the hot path.
 */
public final class OtelSource implements TelemetrySource {

    /** The instrumentation scope of our meter and tracer. */
    static final String SCOPE = "io.cdiconnections";

    @Override
    public Telemetry open() {
        OpenTelemetry otel = find();
        if (otel.getTracerProvider() == TracerProvider.noop() && otel.getMeterProvider() == MeterProvider.noop()) {
            return Telemetry.NONE;
        }
        return new OtelTelemetry(otel);
    }

    private static OpenTelemetry find() {
        try {
            Instance<OpenTelemetry> bean = CDI.current().select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        } catch (IllegalStateException | LinkageError e) {
            // no CDI container here (Java SE), or no CDI API: the global one
        }
        return GlobalOpenTelemetry.get();
    }
}
