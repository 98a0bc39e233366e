package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.LogCapture;

/**
 * A secret given as an option in code is in no synthetic bean's qualifier, id or toString, nor in
 * what the extension and Weld log at DEBUG about them.
 */
class SecretOptionsBeanTest {

    static final String SECRET = "Sb-4e1d9a0c77";

    @Dependent
    public static class Service {
        @Inject
        @Connection(name = "optsecret", type = "sql", options = {"url=jdbc:h2:mem:optsecret", "password=" + SECRET})
        SQLConnection sql;
    }

    @Test
    void aSecretOptionIsInNoBeanIdQualifierOrDebugLine() {
        Logger weld = Logger.getLogger("org.jboss.weld");
        try (LogCapture log = new LogCapture("")) {
            weld.setLevel(Level.FINEST);
            try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(Service.class)
                    .addExtension(new ConnectionExtension()).initialize()) {
                StringBuilder seen = new StringBuilder();
                for (Bean<?> bean : c.getBeanManager().getBeans(SQLConnection.class, Any.Literal.INSTANCE)) {
                    if (bean instanceof ConnectionBean cb) {
                        seen.append(cb.getId()).append(cb.getQualifiers()).append(cb);
                    }
                }
                assertThat(seen.toString()).contains("optsecret").doesNotContain(SECRET);
            }
            assertThat(log.printed()).doesNotContain(SECRET);
        } finally {
            weld.setLevel(null);
        }
    }
}
