package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.it.app.ConfiguredBean;

/**
 * The harness itself: a WAR carrying our libraries deploys, CDI and MicroProfile Config work in
 * it, and the environment variable and system property the build gives the server reach the
 * application's Config. Every other suite relies on this.
 */
@ExtendWith(ArquillianExtension.class)
public class ServerEnvironmentIT {

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("environment")
                .addClasses(ServerEnvironmentIT.class, ConfiguredBean.class, Overrides.class)
                .addAsResource(new StringAsset("it.greeting=from-microprofile-config-properties\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Inject
    ConfiguredBean bean;

    @Test
    public void configPropertyInjectionReadsTheWarsOwnConfig() {
        assertEquals("from-microprofile-config-properties", bean.greeting());
    }

    @Test
    public void environmentVariableOfTheServerProcessIsAConfigValue() {
        assertEquals(Overrides.ENV_USERNAME,
                ConfigProvider.getConfig().getValue("connections.sql.username", String.class));
    }

    @Test
    public void systemPropertyOfTheServerJvmIsAConfigValue() {
        assertEquals(Overrides.SYSPROP_PASSWORD,
                ConfigProvider.getConfig().getValue("connections.sql.password", String.class));
    }
}
