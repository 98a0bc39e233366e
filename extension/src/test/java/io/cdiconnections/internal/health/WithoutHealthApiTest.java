package io.cdiconnections.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Our jar's beans.xml brings the readiness check into a deployment exactly when the MicroProfile
 * Health API is there: without it, the extension deploys, connections work and no check exists.
 * Runs a Weld SE container with discovery on in a class loader made of this test's class path,
 * minus the Health API jar or not (its parent is the platform loader).
 */
class WithoutHealthApiTest {

    @Test
    void withoutTheApiTheExtensionWorksAndNoCheckIsDiscovered() throws Exception {
        assertThat(runProbeWithout("microprofile-health-api-")).isEqualTo("visible=false one=1 checks=0 statuses=1");
    }

    @Test
    void withTheApiDiscoveryFindsTheCheckOnce() throws Exception {
        assertThat(runProbeWithout("no-such-jar-")).isEqualTo("visible=true one=1 checks=1 statuses=1");
    }

    private static Object runProbeWithout(String jarPrefix) throws Exception {
        try (URLClassLoader loader = classPathWithout(jarPrefix)) {
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Class<?> probe = Class.forName(WithoutHealthApiProbe.class.getName(), true, loader);
                return probe.getMethod("run").invoke(null);
            } finally {
                t.setContextClassLoader(before);
            }
        }
    }

    private static URLClassLoader classPathWithout(String jarPrefix) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).getFileName().toString().startsWith(jarPrefix)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
