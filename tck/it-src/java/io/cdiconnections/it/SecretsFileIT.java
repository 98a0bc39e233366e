package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.it.app.ConfiguredBean;

/**
 * The WAR's own {@code WEB-INF/classes/.streamlit/secrets.toml} is part of the application's
 * MicroProfile Config on the server, below the server's environment and system properties.
 */
@Tag("config-source")
@ExtendWith(ArquillianExtension.class)
public class SecretsFileIT {

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("secrets-file", "basic.toml")
                .addClasses(SecretsFileIT.class, ConfiguredBean.class, Overrides.class);
    }

    @Inject
    ConfiguredBean bean;

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    @Test
    public void secretsSourceIsRegisteredForTheDeployment() {
        Optional<ConfigSource> secrets = findSecretsSource();
        assertTrue(secrets.isPresent(), "no SecretsConfigSource among " + config().getConfigSources());
        assertEquals(250, secrets.get().getOrdinal());
    }

    @Test
    public void fileValueIsSeenThroughConfigProvider() {
        assertEquals("file-host", config().getValue("connections.sql.host", String.class));
    }

    @Test
    public void fileValueIsInjectedWithConfigProperty() {
        assertEquals("file-host", bean.sqlHost());
        assertEquals(Optional.of(5433), bean.sqlPort());
    }

    @Test
    public void environmentVariableOverridesTheFile() {
        assertEquals(Overrides.ENV_USERNAME, config().getValue("connections.sql.username", String.class));
        assertEquals(Overrides.ENV_USERNAME, bean.sqlUsername());
    }

    @Test
    public void systemPropertyOverridesTheFile() {
        assertEquals(Overrides.SYSPROP_PASSWORD, config().getValue("connections.sql.password", String.class));
    }

    @Test
    public void dottedSectionNameIsQuotedInTheKey() {
        assertEquals("dotted-host", config().getValue("connections.\"my.db\".host", String.class));
    }

    private static Optional<ConfigSource> findSecretsSource() {
        for (ConfigSource source : config().getConfigSources()) {
            if (source instanceof SecretsConfigSource) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
