package io.cdiconnections.it;

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

import io.cdiconnections.it.app.ConfigServlet;

/**
 * Two WARs on one server, each with its own secrets.toml, each see only their own values: the
 * ConfigSource is registered per application class loader, not per server.
 *
 * <p>Not on Payara Micro: its Arquillian adapter starts one Micro JVM per deployment, so two
 * deployments never share a server there.
 */
@Tag("config-source")
@DisabledIfSystemProperty(named = "it.server", matches = "payara",
        disabledReason = "Payara Micro's adapter runs each deployment in its own JVM")
@ExtendWith(ArquillianExtension.class)
public class SideBySideIT {

    @Deployment(name = "alpha", testable = false)
    public static WebArchive alpha() {
        return Deployments.war("alpha", "alpha.toml").addClass(ConfigServlet.class);
    }

    @Deployment(name = "beta", testable = false)
    public static WebArchive beta() {
        return Deployments.war("beta", "beta.toml").addClass(ConfigServlet.class);
    }

    @ArquillianResource
    @OperateOnDeployment("alpha")
    URL alpha;

    @ArquillianResource
    @OperateOnDeployment("beta")
    URL beta;

    @Test
    public void eachWarSeesItsOwnValueOfTheSameKey() throws Exception {
        assertEquals("alpha-host", Servers.getOk(alpha, "config?key=connections.side.host"));
        assertEquals("beta-host", Servers.getOk(beta, "config?key=connections.side.host"));
    }

    @Test
    public void noWarSeesTheOthersSections() throws Exception {
        assertEquals("in-alpha", Servers.getOk(alpha, "config?key=connections.alpha.only"));
        assertEquals(ConfigServlet.MISSING, Servers.getOk(alpha, "config?key=connections.beta.only"));
        assertEquals("in-beta", Servers.getOk(beta, "config?key=connections.beta.only"));
        assertEquals(ConfigServlet.MISSING, Servers.getOk(beta, "config?key=connections.alpha.only"));
    }
}
