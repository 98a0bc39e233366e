package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.app.ConfiguredBean;
import io.cdiconnections.it.connections.broken.BadInjections;
import io.cdiconnections.it.redeploy.app.LoaderTracker;
import io.cdiconnections.it.redeploy.app.RedeployServlet;
import io.cdiconnections.it.redeploy.observer.Holders;
import io.cdiconnections.it.redeploy.observer.ObserverServlet;

/**
 * Deploys, uses and undeploys the same WAR 20 times, and deploys 5 WARs that fail (an
 * unresolvable injection point, a secrets.toml that is not TOML), while an observer WAR without
 * the library watches from inside the server. Afterwards no thread of the library is left, no
 * PostgreSQL session of the application, nothing of ours in the server log that says ERROR, and
 * every class loader of the 25 deployments is collected. On Payara Micro, whose adapter
 * undeploys by ending the JVM, Micro's own runtime deploys and undeploys (through the observer).
 */
@Tag("extension")
@Tag("sql")
@Tag("config-source")
@ExtendWith(ArquillianExtension.class)
public class RedeployIT {

    private static final int DEPLOYS = 20;
    private static final int FAILED_DEPLOYS = 5;
    private static final String APPLICATION_NAME = "cdi-connections-it-redeploy";
    private static final String LIBRARY_THREADS = "cdi-connections";
    /** More than the worker threads a server here starts (WildFly: 16 per core). */
    private static final int WORKERS = 48;
    /** Never right, not even while a deployment fails. */
    private static final List<String> NEVER = List.of("Exception in thread \"" + LIBRARY_THREADS,
            "This web container has not yet been started", "registered the JDBC driver", "failed to unregister");
    /** An error line in WildFly's, Payara's and Open Liberty's logs. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*(\\bERROR\\b|\\bSEVERE\\b| E [A-Z]{4,5}\\d{4}E:).*$");

    @Deployment(name = "observer", testable = false)
    public static WebArchive observer() {
        // LoaderTracker is a CDI extension: Tomcat must find the CDI API to load the class
        return Deployments.withCdiApi(ShrinkWrap.create(WebArchive.class, "observer.war")
                .addClasses(ObserverServlet.class, Holders.class, LoaderTracker.class));
    }

    @Deployment(name = "redeploy", managed = false, testable = false)
    public static WebArchive application() {
        return tracked(Deployments.war("redeploy", "redeploy.toml").addClass(RedeployServlet.class));
    }

    /**
     * The same application without the tracker, deployed before the tracked ones and again after
     * them: a server may keep something of the first or the last deployment it made, one each,
     * for as long as it runs (GlassFish: its Felix class loader's lock table keeps a Weld worker of
     * the first Weld deployment, and {@code ResourceValidator} the last application it checked),
     * which says nothing about what a deployment leaves behind. Anything kept per deployment is
     * still caught: 20 of them.
     */
    @Deployment(name = "bracket", managed = false, testable = false)
    public static WebArchive bracket() {
        return Deployments.war("bracket", "redeploy.toml").addClass(RedeployServlet.class);
    }

    @Deployment(name = "refused", managed = false, testable = false)
    public static WebArchive refused() {
        return tracked(Deployments.war("refused").addClass(BadInjections.class));
    }

    @Deployment(name = "unreadable", managed = false, testable = false)
    public static WebArchive unreadable() {
        return tracked(Deployments.war("unreadable", "broken.toml").addClass(ConfiguredBean.class));
    }

    private static WebArchive tracked(WebArchive war) {
        return war.addClass(LoaderTracker.class).addAsServiceProvider(Extension.class, LoaderTracker.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("observer")
    URL observer;

    @Test
    public void deployingUsingAndUndeployingLeavesNothingBehind() throws Exception {
        URL application = URI.create("http://127.0.0.1:" + observer.getPort() + "/redeploy/").toURL();
        try (ServerLog.Watch log = ServerLog.watch()) {
            URL untracked = URI.create("http://127.0.0.1:" + observer.getPort() + "/bracket/").toURL();
            useUntracked(untracked, log);
            for (int i = 0; i < DEPLOYS; i++) {
                assertTrue(deploy("redeploy", log), "deployment " + (i + 1) + " failed:\n" + log.text());
                assertEquals("test", Servers.getOk(application, "use"));
                if (i == 0) {
                    assertTrue(PostgresSessions.count(APPLICATION_NAME) > 0, "no session for " + APPLICATION_NAME);
                }
                undeploy("redeploy");
            }
            String whileWorking = log.text();
            for (int i = 0; i < FAILED_DEPLOYS; i++) {
                String name = i % 2 == 0 ? "refused" : "unreadable";
                assertTrue(!deploy(name, log), name + " deployed, but must fail");
                undeploy(name);
            }
            useUntracked(untracked, log);

            assertEquals(0, PostgresSessions.awaitNone(APPLICATION_NAME), "sessions left open");
            occupyEveryWorker();
            Map<String, String> collected = awaitCollected();
            List<String> threads = libraryThreads();
            String text = log.text();
            System.out.println("RedeployIT on " + Servers.current() + ": " + collected + "\nthreads:\n"
                    + Servers.getOk(observer, "threads"));

            assertEquals(List.of(), threads, "threads of the library left");
            for (String never : NEVER) {
                assertTrue(!text.contains(never), "the server log has \"" + never + "\":\n" + text);
            }
            assertEquals(List.of(), errorLines(whileWorking), "errors while deploying and undeploying a working WAR");
            // a WAR whose secrets.toml cannot be read may fail before CDI starts (WildFly), and is not tracked
            int refused = (FAILED_DEPLOYS + 1) / 2;
            assertTrue(Integer.parseInt(collected.get("tracked")) >= DEPLOYS + refused, collected.toString());
            assertEquals("0", collected.get("alive"), "class loaders not collected: " + collected);
        }
    }

    private void useUntracked(URL application, ServerLog.Watch log) throws Exception {
        assertTrue(deploy("bracket", log), "the untracked deployment failed:\n" + log.text());
        assertEquals("test", Servers.getOk(application, "use"));
        undeploy("bracket");
    }

    /**
     * Sends requests that each hold a worker thread for a moment, all at once, so that every idle
     * worker runs once more and lets go of the last request it served (an application's).
     */
    private void occupyEveryWorker() {
        HttpRequest pause = HttpRequest.newBuilder(Servers.loopback(observer, "threads?pause=300"))
                .timeout(Duration.ofSeconds(60)).build();
        java.net.http.HttpClient client = Servers.client(null);
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            all.add(client.sendAsync(pause, HttpResponse.BodyHandlers.discarding()));
        }
        all.forEach(java.util.concurrent.CompletableFuture::join);
    }

    /** Runs GC in the server until the deployments' loaders are gone and their threads ended, a bounded time. */
    private Map<String, String> awaitCollected() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> collected = gc();
        while ((!collected.get("alive").equals("0") || !libraryThreads().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            collected = gc();
        }
        return collected;
    }

    private Map<String, String> gc() throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String line : Servers.getOk(observer, "gc?rounds=10").split("\n")) {
            String[] pair = line.split("=", 2);
            values.merge(pair[0], pair[1], (a, b) -> a + ", " + b);
        }
        return values;
    }

    private List<String> libraryThreads() throws Exception {
        return Arrays.stream(Servers.getOk(observer, "threads").split("\n"))
                .filter(n -> n.startsWith(LIBRARY_THREADS)).toList();
    }

    private static List<String> errorLines(String text) {
        return ERROR_LINE.matcher(text).results().map(m -> m.group()).toList();
    }

    /** @return whether the deployment started */
    private boolean deploy(String name, ServerLog.Watch log) throws Exception {
        if (!payara()) {
            try {
                deployer.deploy(name);
                return true;
            } catch (Exception failed) {
                // Arquillian's DeploymentException is checked, yet thrown through Deployer
                return false;
            }
        }
        WebArchive war = switch (name) {
            case "redeploy" -> application();
            case "bracket" -> bracket();
            case "refused" -> refused();
            default -> unreadable();
        };
        int before = log.text().length();
        HttpResponse<String> response = Servers.client(null).send(HttpRequest.newBuilder(
                        Servers.loopback(observer, "deploy?name=" + name))
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> war.as(ZipExporter.class).exportAsInputStream()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().equals("true")) {
            return false;
        }
        if (name.equals("redeploy") || name.equals("bracket")) {
            return true; // its first request proves it
        }
        // Micro's runtime answers true for an application that failed to load, and says so on its console
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (log.text().substring(before).contains(DeploymentErrors.PAYARA_FAILED_APPLICATION)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void undeploy(String name) throws Exception {
        if (!payara() && (name.equals("redeploy") || name.equals("bracket"))) {
            deployer.undeploy(name);
            return;
        }
        if (!payara()) {
            DeploymentErrors.undeployQuietly(deployer, name); // a failed deployment may be rolled back already
            return;
        }
        Servers.client(null).send(HttpRequest.newBuilder(Servers.loopback(observer, "undeploy?name=" + name))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean payara() {
        return Servers.current().equals("payara");
    }
}
