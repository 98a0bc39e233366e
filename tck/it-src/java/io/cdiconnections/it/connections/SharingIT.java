package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Servers;
import io.cdiconnections.it.connections.app.SqlProbe;

/**
 * Over HTTP: a CDI bean, a JAX-RS resource and a servlet that inject the same
 * {@code @Connection} share one handle and one pool, also under concurrent requests; a
 * SESSION-scoped type gets one handle per HTTP session.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class SharingIT {

    private static final int CONCURRENT_REQUESTS = 24;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war("sharing", "connections.toml").addPackage(SqlProbe.class.getPackage());
    }

    @ArquillianResource
    URL base;

    @Test
    public void aResourceMethodReturningATableAnswersAJsonArrayOfObjects() throws Exception {
        assertEquals("[{\"one\":1,\"price\":1.50,\"nothing\":null,\"at\":\"2024-01-02T03:04:05\",\"bin\":\"AQL/\"}]",
                Servers.getOk(base, "api/sql/table"));
    }

    @Test
    public void recordsMappedAgainAndAgainInTheServerAreTheSame() throws Exception {
        String once = "[Numbered[number=2, name=two, at=2024-01-02T03:04:05], Numbered[number=3, name=null, at=null]]";
        assertEquals(once + "\n" + once + "\n" + once + "\n", Servers.getOk(base, "api/sql/records"));
    }

    @Test
    public void aTableAskedForInACharsetTheServerLacksIsRefusedNotAServerError() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Servers.loopback(base, "api/sql/table"))
                .header("Accept", "application/json; charset=x-no-such-charset").GET().build();
        HttpResponse<String> response = Servers.client(null).send(request, HttpResponse.BodyHandlers.ofString());
        // a server that hands the Accept header's charset to the writer gets its 406; one that keeps
        // to the resource's media type (WildFly) answers in UTF-8
        if (response.statusCode() != 406) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Servers.getOk(base, "api/sql/table"), response.body());
        }
    }

    @Test
    public void theLibrarysOwnWriterAnswersATableFoundByTheServersProviderScan() throws Exception {
        // a proxy or subclass of it, as some runtimes hand out, counts too
        String writer = Servers.getOk(base, "api/sql/table-writer");
        assertEquals(true, writer.startsWith("io.cdiconnections.json.jaxrs.JsonWritableWriter"), writer);
    }

    @Test
    public void beanResourceAndServletShareOneHandleAndOnePool() throws Exception {
        String resource = Servers.getOk(base, "api/sql/identity");
        assertEquals(resource, Servers.getOk(base, "api/sql/bean-identity"));
        assertEquals(resource, Servers.getOk(base, "sql-servlet"));
    }

    @Test
    public void concurrentRequestsShareOneHandleAndOnePool() throws Exception {
        HttpClient client = Servers.client(null);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            URI uri = Servers.loopback(base, "api/sql/increment?n=" + i);
            calls.add(client.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> identities = new TreeSet<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            HttpResponse<String> response = calls.get(i).get();
            assertEquals(200, response.statusCode(), response.body());
            String[] answer = response.body().split(" ", 2);
            assertEquals(String.valueOf(i + 1), answer[0]);
            identities.add(answer[1]);
        }
        assertEquals(Set.of(Servers.getOk(base, "api/sql/identity")), identities);
    }

    @Test
    public void sessionScopedTypeGetsOneHandlePerHttpSession() throws Exception {
        HttpClient alice = Servers.client(new CookieManager());
        HttpClient bob = Servers.client(new CookieManager());
        String aliceFirst = get(alice, "api/session");
        assertEquals(aliceFirst, get(alice, "api/session"));
        assertNotEquals(aliceFirst, get(bob, "api/session"));
    }

    @Test
    public void endingTheSessionClosesItsHandle() throws Exception {
        HttpClient carol = Servers.client(new CookieManager());
        get(carol, "api/session");
        int closedBefore = Integer.parseInt(get(carol, "api/session/closed"));
        HttpResponse<String> ended = carol.send(HttpRequest.newBuilder(Servers.loopback(base, "api/session"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ended.statusCode(), ended.body());
        long deadline = System.nanoTime() + 10_000_000_000L;
        int closed = Integer.parseInt(get(carol, "api/session/closed"));
        while (closed == closedBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
            closed = Integer.parseInt(get(carol, "api/session/closed"));
        }
        assertEquals(closedBefore + 1, closed);
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(Servers.loopback(base, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
