package io.cdiconnections.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Without the MicroProfile Health API on the class path, the extension deploys, connections
 * work and no readiness check is registered. Runs a Weld SE container in a class loader made of
 * this test's class path minus the Health API jar (its parent is the platform loader).
 */
class WithoutHealthApiTest {

    @Test
    void theExtensionWorksAndRegistersNoCheck() throws Exception {
        try (URLClassLoader loader = classPathWithout("microprofile-health-api-")) {
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Class<?> probe = Class.forName(WithoutHealthApiProbe.class.getName(), true, loader);
                assertThat(probe.getMethod("run").invoke(null))
                        .isEqualTo("visible=false one=1 checks=0 statuses=1");
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
