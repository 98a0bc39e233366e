package io.cdiconnections.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    public static WebArchive deployment() {
        return Deployments.war("on-disk").addClass(OnDiskSecretsIT.class);
    }

    @Test
    public void editedFileIsSeenWhileTheApplicationRuns() throws Exception {
        String files = System.getProperty("secrets.files");
        assertNotNull(files, "the server JVM was started without -Dsecrets.files");
        Path file = Path.of(files);

        String marker = "edited-" + System.nanoTime();
        Files.writeString(file, "[connections.ondisk]\nmarker = \"" + marker + "\"\n", StandardCharsets.UTF_8);

        assertEquals(marker, awaitValue("connections.ondisk.marker", marker));
    }

    private static String awaitValue(String key, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<String> value = Optional.empty();
        while (System.nanoTime() < deadline) {
            value = ConfigProvider.getConfig().getOptionalValue(key, String.class);
            if (value.filter(expected::equals).isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        return value.orElse("<missing>");
    }
}
