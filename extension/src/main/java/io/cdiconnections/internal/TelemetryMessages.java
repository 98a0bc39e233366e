package io.cdiconnections.internal;

/** The texts of finding OpenTelemetry: what an operator reads when the library records nothing. */
final class TelemetryMessages {

    private TelemetryMessages() {
    }

    /** @return the warning when telemetry is switched on but the application cannot see the OpenTelemetry API */
    static String apiNotVisible() {
        return "cdi-connections: OpenTelemetry is switched on (otel.sdk.disabled=false) but its API "
                + "(io.opentelemetry.api.OpenTelemetry) is not visible to the application, so its connections record "
                + "no spans and no metrics. On Open Liberty, deploy the application through server.xml with "
                + "<classloader apiTypeVisibility=\"+third-party\"/> (applications in dropins/ cannot see the API); on a "
                + "server without MicroProfile Telemetry, or in Java SE, add io.opentelemetry:opentelemetry-api and an SDK. "
                + "See docs/observability.md.";
    }

    /**
     * @param e what went wrong loading our OpenTelemetry integration
     * @return the warning when the API is there but could not be used
     */
    static String unusable(Throwable e) {
        return "cdi-connections: OpenTelemetry is on the class path but could not be used; no metrics or spans are "
                + "recorded: " + e;
    }
}
