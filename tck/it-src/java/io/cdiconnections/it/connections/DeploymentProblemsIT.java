package io.cdiconnections.it.connections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.DeploymentErrors;
import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.connections.broken.BadInjections;

/**
 * An {@code @Connection} that cannot be resolved fails the deployment, and the deployment error
 * carries our message for every bad injection point, not a bare stack trace.
 */
@Tag("extension")
@Tag("sql")
@ExtendWith(ArquillianExtension.class)
public class DeploymentProblemsIT {

    @Deployment(name = "unresolvable", managed = false, testable = false)
    public static WebArchive unresolvable() {
        return Deployments.war("unresolvable").addClass(BadInjections.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    public void unresolvableInjectionPointsFailTheDeploymentWithOurMessages() {
        String text = DeploymentErrors.failedDeployment(deployer, "unresolvable");

        assertTrue(text.contains("nosuchtype"), "the unknown type is not named:\n" + text);
        assertTrue(text.contains("absent"), "the connection without secrets is not named:\n" + text);
        assertTrue(text.contains("BadInjections"), "the injection point is not named:\n" + text);
    }
}
