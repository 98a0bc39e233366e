package io.cdiconnections.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the client side of a server test needs: which server runs, and HTTP to it over loopback. */
public final class Servers {

    private static final HttpClient HTTP = client(null);

    private static final int WILDFLY_MANAGEMENT_PORT = 9990;

    private Servers() {
    }

    /**
     * A client for the server tests: HTTP/1.1 only, so that a server's HTTP/2 connection
     * management (Liberty answers a burst of upgrades with GOAWAY) never fails a request that
     * must not be sent twice, such as an increment.
     *
     * @param cookies a cookie handler for a client that keeps a session, or null
     * @return a new client
     */
    public static HttpClient client(java.net.CookieHandler cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /**
     * @return {@code wildfly}, {@code payara} (Payara Micro), {@code payara-server},
     *         {@code liberty}, {@code tomcat} or {@code glassfish}, as the server module sets it
     */
    public static String current() {
        return System.getProperty("it.server", "unknown");
    }

    /**
     * The deployment's base URL on 127.0.0.1: Payara Micro reports the machine's external
     * address, and the tests must not leave the machine.
     *
     * @param base the URL Arquillian injected
     * @param path a path relative to the context root, without a leading slash
     * @return the loopback URI
     */
    public static URI loopback(URL base, String path) {
        String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return URI.create("http://127.0.0.1:" + base.getPort() + root + path);
    }

    /**
     * The URL of a context root on the server's fixed HTTP port ({@code it.httpPort}), for
     * deployments that do not exist yet when Arquillian injects URLs.
     *
     * @param contextRoot the context root, without slashes
     * @return {@code http://127.0.0.1:<port>/<contextRoot>/}
     * @throws java.net.MalformedURLException never, for a plain context root
     */
    public static URL fixedPort(String contextRoot) throws java.net.MalformedURLException {
        String port = System.getProperty("it.httpPort");
        if (port == null) {
            throw new IllegalStateException("it.httpPort is not set for server " + current());
        }
        return URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/").toURL();
    }

    /**
     * The server's MicroProfile Health readiness endpoint: WildFly serves it on its management
     * port (9990), Payara Micro, Payara Server, Open Liberty and GlassFish on the HTTP port of the
     * deployments.
     *
     * @param base the URL Arquillian injected for a deployment
     * @return {@code http://127.0.0.1:<port>/health/ready}
     */
    public static URI healthReady(URL base) {
        int port = current().equals("wildfly") ? WILDFLY_MANAGEMENT_PORT : base.getPort();
        return URI.create("http://127.0.0.1:" + port + "/health/ready");
    }

    /**
     * GETs a URI and returns the response.
     *
     * @param uri the URI
     * @return the response, body as a string
     * @throws Exception on I/O failure or interruption
     */
    public static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * GETs {@code path} under the deployment's context root and returns the body of a 200.
     *
     * @param base the URL Arquillian injected
     * @param path a path relative to the context root
     * @return the body
     * @throws Exception on I/O failure, or an {@link AssertionError} on another status
     */
    public static String getOk(URL base, String path) throws Exception {
        HttpResponse<String> response = get(loopback(base, path));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
