package io.cdiconnections.quarkus;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application (target/quarkus-app) fails to start, with the library's message
 * naming the injection point, when the runtime secrets break one of its {@code @Connection}
 * requests: CDI Lite checks injection points at startup, with the runtime configuration.
 */
class BrokenInjectionPointIT {

    @Test
    void startupFailsNamingTheInjectionPoint(@TempDir Path dir) throws IOException, InterruptedException {
        Path secrets = dir.resolve("broken.toml");
        Files.writeString(secrets, "[connections.sql]\ntype = \"no.such.ConnectionType\"\n");
        Path log = dir.resolve("out.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsecrets.files=" + secrets, "-Dquarkus.http.port=0", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = app.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            app.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "the application should stop on its own, but ran on:\n" + out);
        assertNotEquals(0, app.exitValue(), out);
        assertTrue(out.contains("Injection point DbResource.sql"), out);
        assertTrue(out.contains("no.such.ConnectionType"), out);
    }
}
