package io.cdiconnections.internal;

import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link Telemetry#current()}: resolved at the first call and kept. The library lives in the
 * application (its WAR), so this is one per application.
 */
final class TelemetryHolder {

    private static final System.Logger LOG = System.getLogger(Telemetry.class.getName());
    /** A class of the OpenTelemetry API: without it no class of ours that uses the API is loaded. */
    private static final String API_CLASS = "io.opentelemetry.api.OpenTelemetry";
    /** MicroProfile Telemetry's switch, false to record. */
    private static final String SDK_DISABLED = "otel.sdk.disabled";

    private static volatile Telemetry resolved;

    private TelemetryHolder() {
    }

    static Telemetry current() {
        Telemetry t = resolved;
        return t != null ? t : resolve();
    }

    static void forget() {
        resolved = null;
    }

    private static synchronized Telemetry resolve() {
        Telemetry t = resolved;
        if (t == null) {
            t = open();
            resolved = t;
        }
        return t;
    }

    private static Telemetry open() {
        ClassLoader loader = TelemetryHolder.class.getClassLoader();
        try {
            Class.forName(API_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            if (switchedOn()) { // a server with MicroProfile Telemetry that hides its API from the application
                LOG.log(Level.WARNING, TelemetryMessages.apiNotVisible());
            }
            return Telemetry.NONE; // the API is absent: nothing of internal.otel is loaded
        }
        try {
            for (TelemetrySource source : ServiceLoader.load(TelemetrySource.class, loader)) {
                return source.open();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, TelemetryMessages.unusable(e));
        }
        return Telemetry.NONE;
    }

    /** @return whether the application's configuration switches OpenTelemetry on ({@code otel.sdk.disabled=false}) */
    private static boolean switchedOn() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(SDK_DISABLED, String.class)
                    .map(v -> v.trim().equalsIgnoreCase("false")).orElse(false);
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            return false; // no MicroProfile Config: nothing to read the switch from
        }
    }
}
