package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.Connections;
import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.OnDiskSecrets;
import io.cdiconnections.it.connections.app.Databases;
import io.cdiconnections.sql.SQLConnection;

/**
 * Editing the secrets file on disk while the application runs resets the connection whose
 * section changed: the same handle reaches the new database through a new pool.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class ConnectionResetIT {

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("reset")
                .addClasses(ConnectionResetIT.class, OnDiskSecrets.class, Databases.class);
    }

    @Test
    public void editedSectionResetsItsConnection() throws Exception {
        SQLConnection reloaded = Connections.get("reloaded", SQLConnection.class);
        assertEquals("reloaded-1", Databases.nameOf(reloaded));
        Object firstPool = reloaded.raw();

        OnDiskSecrets.write("reset-" + System.nanoTime(), "reloaded-2");

        assertEquals("reloaded-2", OnDiskSecrets.await(() -> Databases.nameOf(reloaded), "reloaded-2"));
        assertSame(reloaded, Connections.get("reloaded", SQLConnection.class));
        assertNotSame(firstPool, reloaded.raw());
    }
}
