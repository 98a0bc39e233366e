package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.ServerLog;
import io.cdiconnections.it.Servers;

/**
 * The sample's HikariCP log lines reach the server's log file. Not run on Payara Micro (excluded
 * in tck/payara/pom.xml): it logs to its console, which prints the pool's start while deploying,
 * before a test can read it; the lines were seen there by hand.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class SampleLogIT {

    @Deployment(testable = false)
    public static WebArchive sample() {
        File war = new File(System.getProperty("it.sampleWar", "target/deployments/cdi-connections-sample.war"));
        return Deployments.asShippedTo(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }

    /**
     * HikariCP logs through SLF4J; the sample ships slf4j-jdk14 so that its lines reach the
     * server log on Liberty, which has no SLF4J provider of its own; on WildFly, which has one,
     * the jar must do no harm. The sample's seeding at deployment started its pool.
     */
    @Test
    public void hikariLogsItsPoolStartToTheServerLog() {
        Path log = ServerLog.current();
        assertNotNull(log, "no server log file for " + Servers.current());
        // the end of the log: the sample was deployed for this class, after the suite's other tests
        String text = ServerLog.since(log, Math.max(0, ServerLog.end(log) - (1 << 20)));
        assertTrue(text.contains("cdi-connections-inventory - Start completed"), "no HikariCP start in " + log);
        if (Servers.current().equals("wildfly")) {
            // WildFly's own SLF4J finds WildFly's provider and never sees the WAR's
            assertFalse(text.contains("SLF4J("), "SLF4J complains on WildFly: " + text);
        }
    }
}
