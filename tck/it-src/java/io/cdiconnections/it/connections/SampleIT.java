package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.ServerLog;
import io.cdiconnections.it.Servers;

/** The sample-war module's WAR, unchanged, deployed and used over HTTP as its page and a user's client use it. */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class SampleIT {

    private static final HttpClient HTTP = Servers.client(null);

    @Deployment(testable = false)
    public static WebArchive sample() {
        File war = new File(System.getProperty("it.sampleWar", "target/deployments/cdi-connections-sample.war"));
        return Deployments.asShippedTo(ShrinkWrap.createFromZipFile(WebArchive.class, war));
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
    public void createdItemIsAtItsLocationAndFoundBySearch() throws Exception {
        HttpResponse<String> created = post("name=Anchor+plug&quantity=7");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"Anchor plug\""), created.body());

        URI location = created.uri().resolve(created.headers().firstValue("Location").orElseThrow());
        assertEquals(created.uri().getAuthority(), location.getAuthority(), location.toString());
        assertTrue(location.getPath().matches(".*/api/items/\\d+"), location.toString());
        HttpResponse<String> item = Servers.get(location);
        assertEquals(200, item.statusCode(), location + ": " + item.body());
        assertEquals(created.body().replace(" ", ""), item.body().replace(" ", ""));

        assertTrue(Servers.getOk(base, "api/items/search?q=anchor").contains("\"quantity\":7"));
    }

    @Test
    public void badPostsAreAnsweredWithJsonNamingTheFieldAndLogNoError() throws Exception {
        Map<String, String> fieldOfBody = Map.of(
                "quantity=3", "name",
                "name=+++&quantity=3", "name",
                "name=" + "x".repeat(201) + "&quantity=3", "name",
                "name=Bad+rivet&quantity=many", "quantity",
                "name=Bad+rivet&quantity=", "quantity",
                "name=Bad+rivet&quantity=1.5", "quantity",
                "name=Bad+rivet&quantity=99999999999", "quantity",
                "name=Bad+rivet&quantity=-1", "quantity");
        try (ServerLog.Watch log = ServerLog.watch()) {
            for (Map.Entry<String, String> bad : fieldOfBody.entrySet()) {
                HttpResponse<String> answer = post(bad.getKey());
                assertEquals(400, answer.statusCode(), bad.getKey() + ": " + answer.body());
                assertJsonError(answer, bad.getKey());
                assertTrue(answer.body().replace(" ", "").contains("\"field\":\"" + bad.getValue() + "\""),
                        bad.getKey() + ": " + answer.body());
            }
            assertEquals("[]", Servers.getOk(base, "api/items/search?q=bad%20rivet").replace(" ", ""));
            assertEquals(List.of(), log.errors(), "client mistakes logged as errors");
        }
    }

    @Test
    public void unknownItemsAndPathsAreJson404sAndLogNoError() throws Exception {
        try (ServerLog.Watch log = ServerLog.watch()) {
            for (String path : List.of("api/items/987654321", "api/items/bolt", "api/shelves")) {
                HttpResponse<String> answer = Servers.get(Servers.loopback(base, path));
                assertEquals(404, answer.statusCode(), path + ": " + answer.body());
                assertJsonError(answer, path);
            }
            HttpResponse<String> unknownId = Servers.get(Servers.loopback(base, "api/items/987654321"));
            assertTrue(unknownId.body().replace(" ", "").contains("\"field\":\"id\""), unknownId.body());
            assertEquals(List.of(), log.errors(), "client mistakes logged as errors");
        }
    }

    @Test
    public void wrongMethodIsAJson405AndLogsNoError() throws Exception {
        try (ServerLog.Watch log = ServerLog.watch()) {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(Servers.loopback(base, "api/items/summary"))
                            .DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, answer.statusCode(), answer.body());
            assertJsonError(answer, "DELETE api/items/summary");
            assertEquals(List.of(), log.errors(), "client mistakes logged as errors");
        }
    }

    @Test
    public void summaryIsServed() throws Exception {
        String summary = Servers.getOk(base, "api/items/summary").replace(" ", "");
        assertTrue(summary.matches("\\{\"items\":\\d+,\"units\":\\d+}"), summary);
    }

    @Test
    public void pageIsServedWithItsStyleSheetAndScript() throws Exception {
        String page = Servers.getOk(base, "");
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"inventory.css\">"), page);
        assertTrue(page.contains("<script src=\"inventory.js\" defer></script>"), page);
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page loads nothing from elsewhere: " + page);

        HttpResponse<String> css = Servers.get(Servers.loopback(base, "inventory.css"));
        assertEquals(200, css.statusCode());
        assertTrue(contentType(css).startsWith("text/css"), contentType(css));
        assertTrue(css.body().contains("--accent"), css.body());

        HttpResponse<String> script = Servers.get(Servers.loopback(base, "inventory.js"));
        assertEquals(200, script.statusCode());
        assertTrue(contentType(script).contains("javascript"), contentType(script));
        assertTrue(script.body().contains("\"api/items\""), script.body());
    }

    private HttpResponse<String> post(String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(Servers.loopback(base, "api/items"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJsonError(HttpResponse<String> answer, String what) {
        assertTrue(contentType(answer).startsWith("application/json"), what + ": " + contentType(answer));
        assertTrue(answer.body().replace(" ", "").matches("\\{\"error\":\"[^\"]+\".*}"), what + ": " + answer.body());
    }

    private static String contentType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }
}
