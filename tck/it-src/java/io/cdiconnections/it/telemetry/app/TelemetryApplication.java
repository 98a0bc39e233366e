package io.cdiconnections.it.telemetry.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under {@code /api}: the requests MicroProfile Telemetry traces on every server. */
@ApplicationPath("api")
public class TelemetryApplication extends Application {
}
