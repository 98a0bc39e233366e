package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Servers;
import io.cdiconnections.it.connections.app.DatabaseServlet;
import io.cdiconnections.it.connections.app.Databases;

/**
 * Undeploying an application closes every pool it opened, while the server keeps running:
 * PostgreSQL shows no session left with the application's ApplicationName.
 */
@Tag("extension")
@Tag("sql")
@DisabledIfSystemProperty(named = "it.server", matches = "payara",
        disabledReason = "Payara Micro's adapter undeploys by ending the JVM, which proves nothing")
@ExtendWith(ArquillianExtension.class)
public class UndeployIT {

    private static final String APPLICATION_NAME = "cdi-connections-it-undeploy";

    @Deployment(name = "pooled", managed = false, testable = false)
    public static WebArchive pooled() {
        return Deployments.war("pooled", "pooled.toml").addClasses(DatabaseServlet.class, Databases.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    public void undeployClosesEveryPool() throws Exception {
        // not an injected URL: the deployment does not exist yet when the test instance is enriched
        URL base = Servers.fixedPort("pooled");
        deployer.deploy("pooled");
        try {
            assertEquals("test", Servers.getOk(base, "database?name=pooled"));
            assertTrue(sessions() > 0, "no PostgreSQL session for " + APPLICATION_NAME);
        } finally {
            deployer.undeploy("pooled");
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, sessions(), "sessions left open after undeploy");
    }

    private static int sessions() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from pg_stat_activity where application_name = ?")) {
            s.setString(1, APPLICATION_NAME);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
