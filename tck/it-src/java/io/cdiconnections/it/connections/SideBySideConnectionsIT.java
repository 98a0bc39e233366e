package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
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
 * Two WARs on one server, each with a connection of the same name: each reaches the database its
 * own secrets.toml names, through its own registry.
 */
@Tag("extension")
@Tag("sql")
@DisabledIfSystemProperty(named = "it.server", matches = "payara",
        disabledReason = "Payara Micro's adapter runs each deployment in its own JVM")
@ExtendWith(ArquillianExtension.class)
public class SideBySideConnectionsIT {

    @Deployment(name = "alpha-db", testable = false)
    public static WebArchive alpha() {
        return Deployments.war("alpha-db", "alpha.toml").addClasses(DatabaseServlet.class, Databases.class);
    }

    @Deployment(name = "beta-db", testable = false)
    public static WebArchive beta() {
        return Deployments.war("beta-db", "beta.toml").addClasses(DatabaseServlet.class, Databases.class);
    }

    @ArquillianResource
    @OperateOnDeployment("alpha-db")
    URL alpha;

    @ArquillianResource
    @OperateOnDeployment("beta-db")
    URL beta;

    @Test
    public void eachWarReachesTheDatabaseOfItsOwnSecrets() throws Exception {
        assertEquals("side-alpha", Servers.getOk(alpha, "database?name=side"));
        assertEquals("side-beta", Servers.getOk(beta, "database?name=side"));
    }
}
