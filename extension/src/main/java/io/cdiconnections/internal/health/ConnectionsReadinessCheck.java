package io.cdiconnections.internal.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.internal.lite.ConnectionBuildExtension;
import io.cdiconnections.internal.registry.ConnectionRegistry;

/**
 * The MicroProfile Health readiness check of every connection the application declared or used
 * ({@code /health/ready}): one
 * response named {@value #NAME}, DOWN when any connection is DOWN, with, per connection
 * {@code <name>}, the data {@code <name>} = {@code UP}/{@code DOWN}, {@code <name>.type},
 * {@code <name>.state}, {@code <name>.ms} and, for a DOWN, {@code <name>.error} (the exception
 * class) and {@code <name>.message} (secrets replaced by {@code ****}).
 *
 * <p>Discovered through our jar's {@code META-INF/beans.xml}, which leaves it out when
 * {@code org.eclipse.microprofile.health.HealthCheck} is not on the application's class path;
 * applications never add it themselves (except in Weld SE with discovery off). What it checks and
 * its two settings ({@value ConnectionProbe#TIMEOUT_KEY}, {@value ConnectionProbe#CONNECT_KEY})
 * are described in {@link ConnectionProbe}.
 */
@Readiness
@ApplicationScoped
public class ConnectionsReadinessCheck implements HealthCheck {

    /** The name of the response. */
    public static final String NAME = "cdi-connections";

    /** The portable extension, in CDI Full; unresolvable in CDI Lite, whose registry is static. */
    private final Instance<ConnectionExtension> extension;
    private volatile ConnectionProbe probe;

    /**
     * @param extension the portable extension of this deployment, which knows its registry; none
     *                  in CDI Lite (Quarkus), where {@link ConnectionBuildExtension#registry()} does
     */
    @Inject
    public ConnectionsReadinessCheck(Instance<ConnectionExtension> extension) {
        this.extension = extension;
    }

    /** For CDI client proxies only. */
    protected ConnectionsReadinessCheck() {
        this.extension = null;
    }

    /**
     * Checks every connection the application declared or used, within the configured timeout.
     *
     * @return UP when every such connection is UP (or there is none), else DOWN
     */
    @Override
    public HealthCheckResponse call() {
        ConnectionRegistry registry = extension.isResolvable() ? extension.get().registry()
                : ConnectionBuildExtension.registry();
        Map<String, Object> data = new LinkedHashMap<>();
        if (registry == null || registry.isClosed()) {
            data.put("state", "stopped");
            return response(false, data);
        }
        ConnectionProbe p = probe;
        if (p == null) {
            p = probe = new ConnectionProbe(registry);
        }
        boolean up = true;
        try {
            for (ConnectionStatus s : p.check()) {
                up &= s.up();
                data.put(s.name(), s.status());
                data.put(s.name() + ".type", s.type());
                data.put(s.name() + ".state", s.state());
                data.put(s.name() + ".ms", s.time().toMillis());
                if (s.error() != null) {
                    data.put(s.name() + ".error", s.error());
                    data.put(s.name() + ".message", s.message());
                }
            }
        } catch (RuntimeException e) {
            // a bad cdi-connections.health.timeout: say so rather than fail the endpoint
            data.put("error", e.getClass().getName());
            data.put("message", String.valueOf(e.getMessage()));
            return response(false, data);
        }
        return response(up, data);
    }

    /** The response's constructor needs no {@code HealthCheckResponseProvider}, unlike its builder. */
    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                data.isEmpty() ? Optional.empty() : Optional.of(data));
    }
}
