package io.cdiconnections.it.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.OnDiskSecrets;
import io.cdiconnections.it.Servers;
import io.cdiconnections.it.health.app.ReadyDatabase;

/**
 * The server's own MicroProfile Health endpoint, {@code /health/ready}, reports our readiness
 * check: UP with a working MariaDB, DOWN (HTTP 503, the driver's exception class, no password)
 * once the secrets file holds a wrong password, and UP again once the file is fixed, with no
 * redeployment. The server loads the check itself: the WAR holds neither the Health API nor any
 * health code of its own.
 */
@Tag("extension")
@Tag("sql")
@Tag("health")
@ExtendWith(ArquillianExtension.class)
public class HealthIT {

    private static final String FILE = "health.toml";
    private static final String USER = "cdic_health";
    private static final String PASSWORD = "right-Pa55-" + Long.toHexString(System.nanoTime());
    private static final String WRONG_PASSWORD = "wrong-Pa55-" + Long.toHexString(System.nanoTime());
    private static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    private static String original;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war("readiness").addClass(ReadyDatabase.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void createAccount() throws Exception {
        original = Files.readString(OnDiskSecrets.file(FILE));
        admin("drop user if exists '" + USER + "'@'127.0.0.1'",
                "create user '" + USER + "'@'127.0.0.1' identified by '" + PASSWORD + "'",
                "grant select on test.* to '" + USER + "'@'127.0.0.1'");
    }

    @AfterAll
    static void restore() throws Exception {
        if (original != null) {
            OnDiskSecrets.replace(OnDiskSecrets.file(FILE), original);
        }
        admin("drop user if exists '" + USER + "'@'127.0.0.1'");
    }

    @Test
    public void readinessFollowsTheDatabaseThroughAWrongPasswordAndItsFix() throws Exception {
        // as deployed: declared, never used, and the check does not connect by default
        HttpResponse<String> declared = awaitHealth(b -> data(b, "ready.state", "not connected"));
        assertEquals(200, declared.statusCode(), declared.body());
        assertTrue(data(declared.body(), "ready", "UP"), declared.body());

        writeSecrets(PASSWORD);
        HttpResponse<String> up = awaitHealth(b -> data(b, "ready.state", "connected"));
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(data(up.body(), "ready", "UP"), up.body());
        assertTrue(data(up.body(), "ready.type", "SQLConnection"), up.body());

        writeSecrets(WRONG_PASSWORD);
        HttpResponse<String> down = awaitHealth(b -> data(b, "ready", "DOWN"));
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(data(down.body(), "ready.error", "java.sql.SQLInvalidAuthorizationSpecException"), down.body());
        assertTrue(data(down.body(), "ready.state", "connect failed"), down.body());
        assertFalse(down.body().contains(WRONG_PASSWORD), down.body());
        assertFalse(down.body().contains(PASSWORD), down.body());

        writeSecrets(PASSWORD);
        HttpResponse<String> fixed = awaitHealth(b -> data(b, "ready", "UP"));
        assertEquals(200, fixed.statusCode(), fixed.body());
        assertTrue(data(fixed.body(), "ready.state", "connected"), fixed.body());
    }

    private static void writeSecrets(String password) throws Exception {
        OnDiskSecrets.replace(OnDiskSecrets.file(FILE), """
                [cdi-connections.health]
                connect = true
                timeout = "PT10S"

                [connections.ready]
                url = "%s"
                username = "%s"
                password = "%s"
                """.formatted(ADMIN_URL, USER, password));
    }

    /** Polls {@code /health/ready} until the body satisfies {@code until}, or the patience ends. */
    private HttpResponse<String> awaitHealth(Predicate<String> until) throws Exception {
        URI uri = Servers.healthReady(base);
        long deadline = System.nanoTime() + OnDiskSecrets.PATIENCE.toNanos();
        HttpResponse<String> last = Servers.get(uri);
        while (!until.test(last.body()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = Servers.get(uri);
        }
        return last;
    }

    /** Whether the JSON body has {@code "key": "value"}, in whatever spacing the server writes. */
    private static boolean data(String body, String key, String value) {
        return Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"")
                .matcher(body).find();
    }

    private static void admin(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "root", ""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
