package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Servers;

/** The sample-war module's WAR, unchanged, deployed and used over HTTP. */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class SampleIT {

    @Deployment(testable = false)
    public static WebArchive sample() {
        File war = new File(System.getProperty("it.sampleWar", "target/deployments/cdi-connections-sample.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @ArquillianResource
    URL base;

    @Test
    public void seededItemsAreListed() throws Exception {
        String items = Servers.getOk(base, "api/items");
        assertTrue(items.contains("\"Hex bolt M8\""), items);
        assertTrue(items.contains("\"Wood screw 4x40\""), items);
    }

    @Test
    public void searchBindsItsParameter() throws Exception {
        String nuts = Servers.getOk(base, "api/items/search?q=NUT");
        assertTrue(nuts.contains("\"Hex nut M8\""), nuts);
        assertFalse(nuts.contains("bolt"), nuts);
        assertEquals("[]", Servers.getOk(base, "api/items/search?q=%27%20or%20%271%27=%271").replace(" ", ""));
    }

    @Test
    public void addedItemIsFoundBySearch() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Servers.loopback(base, "api/items"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=Anchor+plug&quantity=7"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"Anchor plug\""), created.body());
        assertTrue(Servers.getOk(base, "api/items/search?q=anchor").contains("\"quantity\":7"));
    }

    @Test
    public void summaryIsServed() throws Exception {
        String summary = Servers.getOk(base, "api/items/summary").replace(" ", "");
        assertTrue(summary.matches("\\{\"items\":\\d+,\"units\":\\d+}"), summary);
    }
}
