package io.cdiconnections.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.payara.app.GridApplication;

/**
 * {@code cache = "jcache"} on Payara Micro's own Hazelcast, in two Micro JVMs: the test starts
 * them itself (the Arquillian adapter runs Micro with clustering off), joined over TCP/IP on
 * 127.0.0.1 only, each deploying the same WAR, which holds no JCache provider and whose
 * secrets.toml names none ({@code src/test/resources/secrets/grid.toml}). PostgreSQL counts the
 * executions: the query is {@code nextval} of a sequence of this run's own.
 *
 * <p>Not an Arquillian test; lives in tck/payara only. docs/clustering.md ("Payara") tells what it proves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraSharedCacheIT {

    /** A ttl no request of the test outlasts, even on a loaded machine. */
    private static final Duration LONG_TTL = Duration.ofSeconds(90);
    /** A ttl the test waits out. */
    private static final Duration SHORT_TTL = Duration.ofSeconds(4);
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final String SEQ = "cdi_payara_grid_" + ProcessHandle.current().pid();

    private static final List<MicroInstance> INSTANCES = new ArrayList<>();
    private static MicroInstance a;
    private static MicroInstance b;
    private static Connection admin;

    /** The Micro consoles go to the report of a failed test; they stay under target/payara-grid either way. */
    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            INSTANCES.forEach(MicroInstance::printLog);
        }
    };

    @BeforeAll
    static void startTwoInstances() throws Exception {
        long started = System.nanoTime();
        Path dir = Files.createDirectories(Path.of(System.getProperty("payara.gridDir", "target/payara-grid")));
        Path war = dir.resolve("grid.war");
        Deployments.war("grid", "grid.toml").addPackage(GridApplication.class.getPackage())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        int[] ports = freePorts(4);
        String members = "127.0.0.1:" + ports[2] + ",127.0.0.1:" + ports[3];
        String cluster = "cdi-payara-grid-" + ProcessHandle.current().pid();
        try {
            a = MicroInstance.start("grid-a", war, ports[0], ports[2], members, cluster, dir);
            INSTANCES.add(a);
            // b starts once a's member is up, so that b joins it rather than both forming a cluster at once
            a.awaitLog("Hazelcast Instance Bound to JNDI", STARTUP);
            b = MicroInstance.start("grid-b", war, ports[1], ports[3], members, cluster, dir);
            INSTANCES.add(b);
            a.awaitReady(STARTUP);
            b.awaitReady(STARTUP);
            awaitTwoMembers(a);
            awaitTwoMembers(b);
        } catch (Exception | AssertionError e) {
            INSTANCES.forEach(MicroInstance::printLog);
            throw e;
        }
        admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        try (Statement s = admin.createStatement()) {
            s.execute("create sequence " + SEQ);
            s.execute("select nextval('" + SEQ + "')"); // last_value counts executions from here on
        }
        System.out.printf("Two Payara Micro instances up in %d s: %s, %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), a, b);
    }

    @AfterAll
    static void stopInstances() throws SQLException {
        try {
            INSTANCES.forEach(MicroInstance::close);
        } finally {
            if (admin != null) {
                try (Statement s = admin.createStatement()) {
                    s.execute("drop sequence if exists " + SEQ);
                } finally {
                    admin.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothInstancesAreMembersOfOnePayaraClusterOnLoopbackOnly() throws Exception {
        Set<String> seenByA = members(a);
        Set<String> seenByB = members(b);
        assertEquals(2, seenByA.size(), () -> "members seen by " + a + ": " + seenByA);
        assertEquals(seenByA, seenByB, "both instances see the same cluster");
        seenByA.forEach(m -> assertTrue(m.contains("127.0.0.1"), () -> "a member outside loopback: " + m));
    }

    @Test
    @Order(2)
    void aTtlQueryRunsOnceForBothInstancesAndBServesWhatACached() throws Exception {
        long before = executions();
        String first = next(a, 0, LONG_TTL);
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(next(b, 0, LONG_TTL));
            later.add(next(a, 0, LONG_TTL));
        }
        assertEquals(1, executions() - before, "executions in PostgreSQL for 7 calls on two instances within the ttl");
        later.forEach(r -> assertEquals(first, r, "every instance serves the first result (n|at|token)"));

        // the entries are in Payara's Hazelcast: its own cache manager (payara/CacheManager) reads them on both
        String onA = a.body("grid/entries");
        assertFalse(onA.isBlank(), "Payara's cache manager holds the shared cache's entries");
        assertEquals(onA, b.body("grid/entries"), "both instances see the same entries");
    }

    @Test
    @Order(3)
    void afterItsTtlTheQueryRunsOnceMoreAndItsNewResultIsShared() throws Exception {
        long before = executions();
        long t0 = System.nanoTime();
        String first = next(a, 1, SHORT_TTL);
        String onB = next(b, 1, SHORT_TTL);
        boolean withinTtl = System.nanoTime() - t0 < SHORT_TTL.toNanos();
        System.out.println("a then b within the " + SHORT_TTL + " ttl: " + withinTtl);
        if (withinTtl) { // a machine too loaded to answer twice in 4 s proves nothing here, and fails nothing
            assertEquals(first, onB, "b serves a's result within the ttl");
            assertEquals(1, executions() - before, "one execution within the ttl");
        }
        Thread.sleep(Math.max(0, SHORT_TTL.toMillis() + 1_000 - Duration.ofNanos(System.nanoTime() - t0).toMillis()));

        long beforeRerun = executions();
        long t1 = System.nanoTime();
        String rerun = next(b, 1, SHORT_TTL);
        assertNotEquals(first, rerun, "after the ttl the query ran again");
        assertEquals(1, executions() - beforeRerun, "one more execution after the ttl");
        String onA = next(a, 1, SHORT_TTL);
        boolean rereadWithinTtl = System.nanoTime() - t1 < SHORT_TTL.toNanos();
        System.out.println("b then a within the " + SHORT_TTL + " ttl: " + rereadWithinTtl);
        if (rereadWithinTtl) {
            assertEquals(rerun, onA, "a serves b's new result within its ttl");
            assertEquals(1, executions() - beforeRerun, "a read b's entry, not the database");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String next(MicroInstance instance, int variant, Duration ttl) throws IOException, InterruptedException {
        return instance.body("grid/next?seq=" + SEQ + "&variant=" + variant + "&ttl=" + ttl.toMillis()).trim();
    }

    private static Set<String> members(MicroInstance instance) throws IOException, InterruptedException {
        return new TreeSet<>(Arrays.asList(instance.body("grid/members").strip().split("\n")));
    }

    /** Polls the instance until its application answers and Payara's cluster has two members. */
    private static void awaitTwoMembers(MicroInstance instance) throws Exception {
        long end = System.nanoTime() + STARTUP.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                MicroInstance.Response r = instance.get("grid/members");
                last = r.status() + " " + r.body();
                if (r.status() == 200 && r.body().strip().split("\n").length == 2) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            if (!instance.isAlive()) {
                throw new IllegalStateException(instance + " ended before it served its application");
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(instance + " did not see two members within " + STARTUP + "; last: " + last);
    }

    private static long executions() throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet r = s.executeQuery("select last_value from " + SEQ)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
