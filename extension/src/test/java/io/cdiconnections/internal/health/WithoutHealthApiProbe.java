package io.cdiconnections.internal.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import io.cdiconnections.Connection;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;

/**
 * Starts Weld SE with bean discovery on, so that our jar's beans.xml is read as a server reads
 * it; {@link WithoutHealthApiTest} runs it in a class loader without the MicroProfile Health API,
 * and with it.
 */
public final class WithoutHealthApiProbe {

    private WithoutHealthApiProbe() {
    }

    /** A bean with an injected connection. */
    @Dependent
    public static class Service {
        @Inject
        @Connection(name = "nohealth", options = {"url=jdbc:h2:mem:nohealth;DB_CLOSE_DELAY=-1"})
        SQLConnection sql;
    }

    /**
     * @return what happened: the health API's visibility, the query's result, the number of beans of the check
     */
    public static String run() {
        boolean visible;
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck");
            visible = true;
        } catch (ClassNotFoundException e) {
            visible = false;
        }
        try (WeldContainer c = new Weld().addBeanClasses(Service.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            Object one = c.select(Service.class).get().sql.query("select 1 as one").get(0, "one");
            int checks = c.getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> b.getBeanClass().getName().equals(ConnectionExtension.class.getName().replace(
                            "cdi.ConnectionExtension", "health.ConnectionsReadinessCheck")))
                    .toList().size();
            // the probe's own logic needs no health API either
            int statuses = new ConnectionProbe(c.select(ConnectionExtension.class).get().registry()).check().size();
            return "visible=" + visible + " one=" + one + " checks=" + checks + " statuses=" + statuses;
        }
    }
}
