package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.Connections;
import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Overrides;
import io.cdiconnections.it.connections.app.Databases;
import io.cdiconnections.it.connections.app.Identity;
import io.cdiconnections.it.connections.app.SqlProbe;
import io.cdiconnections.sql.SQLConnection;

/**
 * {@code @Inject @Connection} into a CDI bean on the server: every way of choosing the type,
 * ttl, options, H2 in the WAR and the machine's PostgreSQL.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class InjectionIT {

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("injection", "connections.toml")
                .addClasses(InjectionIT.class, Overrides.class)
                .addPackage(SqlProbe.class.getPackage());
    }

    @Inject
    SqlProbe probe;

    @Test
    public void typeIsInferredFromTheJavaType() {
        assertEquals("it-sql", Databases.nameOf(probe.sql()));
    }

    @Test
    public void typeIsChosenByShortName() {
        SQLConnection sql = assertInstanceOf(SQLConnection.class, probe.byShortName());
        assertEquals("it-byname", Databases.nameOf(sql));
    }

    @Test
    public void typeIsChosenByClassName() {
        SQLConnection sql = assertInstanceOf(SQLConnection.class, probe.byClassName());
        assertEquals("it-byclass", Databases.nameOf(sql));
    }

    @Test
    public void optionsInCodeOverrideTheSecretsSection() {
        assertEquals("it-options", Databases.nameOf(probe.withOptions()));
    }

    @Test
    public void environmentVariableOfTheServerReachesThePool() {
        assertEquals(Overrides.ENV_USERNAME, Databases.userOf(probe.sql()));
    }

    @Test
    public void ttlGivesItsOwnHandleWhosePoolIsRenewed() throws InterruptedException {
        assertNotSame(probe.sql().context(), probe.shortLived().context());
        assertEquals("it-sql", Databases.nameOf(probe.shortLived()));
        Object first = probe.shortLived().raw();
        Thread.sleep(1_500);
        assertEquals("it-sql", Databases.nameOf(probe.shortLived()));
        assertNotSame(first, probe.shortLived().raw());
    }

    @Test
    public void postgresqlOnTheMachineIsReached() {
        assertEquals("test", Databases.nameOf(probe.pg()));
    }

    @Test
    public void connectionsApiReturnsTheInjectedHandle() {
        SQLConnection looked = Connections.get("sql", SQLConnection.class);
        assertSame(probe.sql().context(), looked.context());
        assertEquals(Identity.of(probe.sql()), Identity.of(looked));
        assertNotEquals(Identity.of(probe.sql()), Identity.of(probe.withOptions()));
    }
}
