package io.cdiconnections.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.TestConfigSource;

/** The readiness check in a Weld SE container with the Health API on the class path, on real databases. */
class ReadinessCheckTest {

    private static final String BAD_PASSWORD = "Wr0ng-Pa55word";

    @Dependent
    public static class H2Service {
        @Inject
        @Connection(name = "health_h2", options = {"url=jdbc:h2:mem:health_h2;DB_CLOSE_DELAY=-1"})
        SQLConnection sql;

        @Inject
        @Connection(name = "health_idle", options = {"url=jdbc:h2:mem:health_idle;DB_CLOSE_DELAY=-1"})
        SQLConnection idle;
    }

    @Dependent
    public static class MariaDbService {
        @Inject
        @Connection(name = "health_maria", options = {"url=jdbc:mariadb://127.0.0.1:3306/test",
                "username=health_nobody", "password=" + BAD_PASSWORD})
        SQLConnection sql;
    }

    @Dependent
    public static class SilentService {
        @Inject
        @Connection(name = "health_silent", type = "sql")
        SQLConnection sql;
    }

    private final List<ServerSocket> servers = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        TestConfigSource.VALUES.keySet().removeIf(k -> k.startsWith("cdi-connections.") || k.contains("health_"));
        for (ServerSocket s : servers) {
            s.close();
        }
    }

    private static WeldContainer start(Class<?>... beans) {
        // the check comes from our jar's beans.xml in a deployment; discovery is off here, so add it
        return new Weld().disableDiscovery().addBeanClasses(beans).addBeanClasses(ConnectionsReadinessCheck.class)
                .addExtension(new ConnectionExtension()).initialize();
    }

    private static HealthCheckResponse ready(WeldContainer c) {
        List<HealthCheck> checks = c.select(HealthCheck.class, Readiness.Literal.INSTANCE).stream().toList();
        assertThat(checks).hasSize(1);
        return checks.get(0).call();
    }

    private static Map<String, Object> data(HealthCheckResponse r) {
        return r.getData().orElseThrow();
    }

    @Test
    void usedH2ConnectionIsUpAndAnUnusedOneIsUpButNotConnected() {
        try (WeldContainer c = start(H2Service.class)) {
            H2Service s = c.select(H2Service.class).get();
            s.sql.query("select 1 as one");
            HealthCheckResponse r = ready(c);
            assertThat(r.getName()).isEqualTo("cdi-connections");
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(r)).containsEntry("health_h2", "UP").containsEntry("health_h2.type", "SQLConnection")
                    .containsEntry("health_h2.state", "connected")
                    .containsEntry("health_idle", "UP").containsEntry("health_idle.state", "not connected");
            assertThat(s.idle.isConnected()).as("the check makes no pool").isFalse();
        }
    }

    @Test
    void aSectionNoCodeDeclaresIsLeftOutEvenWhenItsConfigurationIsBroken() {
        // a secrets.toml shared with another app: a typed section this application never uses
        TestConfigSource.VALUES.put("connections.health_elsewhere.type", "sql");
        TestConfigSource.VALUES.put("connections.health_elsewhere.username", "someone");
        TestConfigSource.VALUES.put(ConnectionProbe.CONNECT_KEY, "true");
        try (WeldContainer c = start(H2Service.class)) {
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(r)).containsKey("health_h2").doesNotContainKey("health_elsewhere");
        }
    }

    @Test
    void withConnectTrueADeclaredConnectionIsConnectedAndChecked() {
        TestConfigSource.VALUES.put(ConnectionProbe.CONNECT_KEY, "true");
        try (WeldContainer c = start(H2Service.class)) {
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(r)).containsEntry("health_idle.state", "connected")
                    .containsEntry("health_h2.state", "connected");
            assertThat(c.select(H2Service.class).get().idle.isConnected()).isTrue();
        }
    }

    @Test
    void wrongMariaDbPasswordIsDownWithTheErrorAndNoSecret() {
        try (WeldContainer c = start(MariaDbService.class)) {
            MariaDbService s = c.select(MariaDbService.class).get();
            try {
                s.sql.query("select 1");
            } catch (RuntimeException expected) {
                // the failure the check then reports
            }
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(data(r)).containsEntry("health_maria", "DOWN")
                    .containsEntry("health_maria.state", "connect failed");
            assertThat((String) data(r).get("health_maria.error")).isEqualTo("java.sql.SQLInvalidAuthorizationSpecException");
            assertThat((String) data(r).get("health_maria.message")).contains("health_nobody")
                    .contains("Access denied");
            assertThat(data(r).toString()).doesNotContain(BAD_PASSWORD);
        }
    }

    @Test
    void wrongPasswordIsDownWithConnectTrueBeforeAnyUse() {
        TestConfigSource.VALUES.put(ConnectionProbe.CONNECT_KEY, "true");
        try (WeldContainer c = start(MariaDbService.class)) {
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(data(r)).containsEntry("health_maria.state", "connect failed");
            assertThat(data(r).toString()).doesNotContain(BAD_PASSWORD);
        }
    }

    @Test
    void aFixedSecretMakesItUpAgain() {
        TestConfigSource.VALUES.put("connections.health_silent.url", "jdbc:mariadb://127.0.0.1:3306/test");
        TestConfigSource.VALUES.put("connections.health_silent.username", "health_nobody");
        TestConfigSource.VALUES.put("connections.health_silent.password", BAD_PASSWORD);
        TestConfigSource.VALUES.put(ConnectionProbe.CONNECT_KEY, "true");
        TestConfigSource.VALUES.put(ConnectionProbe.TIMEOUT_KEY, "PT10S"); // a slow machine must not make it "timed out"
        try (WeldContainer c = start(SilentService.class)) {
            HealthCheckResponse down = ready(c);
            assertThat(down.getStatus()).as(data(down).toString()).isEqualTo(HealthCheckResponse.Status.DOWN);
            TestConfigSource.VALUES.put("connections.health_silent.username", "root");
            TestConfigSource.VALUES.remove("connections.health_silent.password");
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).as(data(r).toString()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(r)).containsEntry("health_silent.state", "connected");
        }
    }

    @Test
    void aServerThatNeverAnswersIsDownWithinTheTimeout() throws IOException {
        ServerSocket silent = new ServerSocket(0);
        servers.add(silent);
        AtomicInteger accepted = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(silent.accept()); // accept, never answer
                    accepted.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        TestConfigSource.VALUES.put("connections.health_silent.url",
                "jdbc:mariadb://127.0.0.1:" + silent.getLocalPort() + "/test?connectTimeout=30000&socketTimeout=30000");
        TestConfigSource.VALUES.put("connections.health_silent.username", "root");
        TestConfigSource.VALUES.put("connections.health_silent.pool.connectionTimeout", "30000");
        TestConfigSource.VALUES.put(ConnectionProbe.CONNECT_KEY, "true");
        TestConfigSource.VALUES.put(ConnectionProbe.TIMEOUT_KEY, "PT0.5S");
        try (WeldContainer c = start(SilentService.class)) {
            // the connect blocks for its 30 s socket timeout; the check answers "timed out" after
            // its own 0.5 s. Nothing here is a speed limit: 15 s only tells the two apart.
            long start = System.nanoTime();
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(data(r)).containsEntry("health_silent.state", "timed out");
            assertThat(ready(c).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((System.nanoTime() - start) / 1_000_000).as("two checks did not wait for the 30 s connect")
                    .isLessThan(15_000);
            assertThat(accepted.get()).as("connections the two checks opened: the running check is awaited, "
                    + "not doubled").isEqualTo(1);
        }
    }

    @Test
    void aBadTimeoutIsReportedNotThrown() {
        TestConfigSource.VALUES.put(ConnectionProbe.TIMEOUT_KEY, "soon");
        try (WeldContainer c = start(H2Service.class)) {
            HealthCheckResponse r = ready(c);
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((String) data(r).get("message")).contains(ConnectionProbe.TIMEOUT_KEY);
        }
    }
}
