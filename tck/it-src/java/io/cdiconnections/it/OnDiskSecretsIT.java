package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A secrets file outside the WAR, named by {@code -Dsecrets.files} on the server JVM, is read
 * and watched: editing it while the application runs changes the values the application sees.
 * Payara caches Config values (60 s by default); its suite sets that cache to 0.
 */
@Tag("config-source")
@ExtendWith(ArquillianExtension.class)
public class OnDiskSecretsIT {

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("on-disk").addClasses(OnDiskSecretsIT.class, OnDiskSecrets.class);
    }

    @Test
    public void editedFileIsSeenWhileTheApplicationRuns() throws Exception {
        String marker = "edited-" + System.nanoTime();
        OnDiskSecrets.write(marker, "reloaded-1");

        assertEquals(marker, OnDiskSecrets.await(() -> ConfigProvider.getConfig()
                .getOptionalValue("connections.ondisk.marker", String.class).orElse("<missing>"), marker));
    }
}
