package io.cdiconnections.internal;

/**
 * Makes the {@link Telemetry} of an application: the {@link java.util.ServiceLoader} service
 * that {@code io.cdiconnections.internal.otel} provides. Looked for only when the OpenTelemetry
 * API is on the class path.
 */
public interface TelemetrySource {

    /** @return the telemetry, {@link Telemetry#NONE} when there is nothing to record to */
    Telemetry open();
}
