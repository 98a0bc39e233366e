package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Servers;
import io.cdiconnections.it.app.ConfigServlet;
import io.cdiconnections.it.connections.app.DatabaseServlet;
import io.cdiconnections.it.connections.app.Databases;

/**
 * Two WARs in one Payara Micro JVM: the sample, which Micro deploys itself (the suite's
 * {@code sample-beside} execution adds {@code --deploy} for it), and a test WAR with a connection
 * of the same name, {@code inventory}. Each sees its own secrets.toml and reaches its own
 * database. On WildFly and Liberty, SideBySideIT and SideBySideConnectionsIT prove the same with
 * two Arquillian deployments, which Payara Micro's adapter would put in two JVMs.
 */
@Tag("extension")
@Tag("sql")
@EnabledIfSystemProperty(named = "it.sampleDeployedByServer", matches = "true",
        disabledReason = "needs the sample deployed by the server itself (Payara's sample-beside execution)")
@ExtendWith(ArquillianExtension.class)
public class SampleBesideIT {

    @Deployment(testable = false)
    public static WebArchive beside() {
        return Deployments.war("beside", "beside.toml")
                .addClasses(ConfigServlet.class, DatabaseServlet.class, Databases.class);
    }

    /** Some URL of the server; with two applications, which context it names is not ours to pick. */
    @ArquillianResource
    URL server;

    @Test
    public void sampleAndTestWarEachUseTheirOwnInventoryConnection() throws Exception {
        assertEquals("beside-inventory", get("/beside/database?name=inventory"));
        assertTrue(get("/beside/config?key=connections.inventory.url").contains("beside-inventory"));

        String items = get("/cdi-connections-sample/api/items");
        assertTrue(items.contains("\"Hex bolt M8\""), items);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = Servers.get(URI.create("http://127.0.0.1:" + server.getPort() + path));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
