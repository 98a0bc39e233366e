package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import io.cdiconnections.it.PostgresSessions;
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
        assertEquals(0, PostgresSessions.awaitNone(APPLICATION_NAME), "sessions left open after undeploy");
    }

    private static int sessions() throws SQLException {
        return PostgresSessions.count(APPLICATION_NAME);
    }
}
