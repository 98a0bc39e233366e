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
        return global();
    }

    /**
     * The global OpenTelemetry, without fixing it: {@link GlobalOpenTelemetry#get()} with nothing
     * installed yet makes the no-op the JVM's global for good, and an application that installs
     * its SDK after its first connect would then fail in {@code GlobalOpenTelemetry.set}. So the
     * global is asked for only when one is set, or when the application asked for
     * autoconfiguration ({@code otel.java.global-autoconfigure.enabled}), which {@code get()}
     * performs. An API older than {@code isSet()} gets the plain {@code get()}.
     */
    static OpenTelemetry global() {
        if (autoconfigureRequested()) {
            return GlobalOpenTelemetry.get();
        }
        try {
            return GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : OpenTelemetry.noop();
        } catch (NoSuchMethodError olderApi) {
            return GlobalOpenTelemetry.get();
        }
    }

    private static boolean autoconfigureRequested() {
        String value = System.getProperty("otel.java.global-autoconfigure.enabled");
        if (value == null) {
            value = System.getenv("OTEL_JAVA_GLOBAL_AUTOCONFIGURE_ENABLED");
        }
        return Boolean.parseBoolean(value);
    }
}
