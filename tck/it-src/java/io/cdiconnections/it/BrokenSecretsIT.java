package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.app.ConfiguredBean;

/**
 * A WAR whose secrets.toml is not valid TOML fails to deploy, and the deployment error names
 * the file and the line, never the text of the line (it may hold a password).
 */
@Tag("config-source")
@ExtendWith(ArquillianExtension.class)
public class BrokenSecretsIT {

    @Deployment(name = "broken", managed = false, testable = false)
    public static WebArchive broken() {
        return Deployments.war("broken", "broken.toml").addClass(ConfiguredBean.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    public void invalidTomlFailsTheDeploymentNamingFileAndLine() {
        String text = DeploymentErrors.failedDeployment(deployer, "broken");

        assertTrue(text.contains("secrets.toml"), "the error does not name the file:\n" + text);
        assertTrue(text.contains("line 2"), "the error does not name the line:\n" + text);
        assertFalse(text.contains("no closing quote"), "the error shows the line's text:\n" + text);
    }
}
