package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsWarningTest {

    @TempDir
    Path tmp;

    @Test
    void aFileOthersCanReadIsWarnedAboutOnceWithTheChmodFix() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        Secrets.chmod(file, "rw-r--r--");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            Secrets.write(file, "a = 2");
            Secrets.chmod(file, "rw-r--r--");
            Secrets.await(Duration.ofSeconds(2), "reload", () -> "2".equals(source.getValue("a")));
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains(file.toString(), "other users", "rw-r--r--", "chmod 600 " + file);
        }
    }

    @Test
    void aFileOnlyItsOwnerCanReadIsNotWarnedAbout() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            assertThat(log.messages(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void groupReadableIsWarnedAboutToo() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        Secrets.chmod(file, "rw-r-----");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("chmod 600");
        }
    }

    @Test
    void aSecretsDirectoryWithReadableFilesIsWarnedAboutOnceAsAWhole() throws Exception {
        Path dir = tmp.resolve("secrets");
        Secrets.chmod(Secrets.write(dir.resolve("db/password"), "p"), "rw-r--r--");
        Secrets.chmod(Secrets.write(dir.resolve("db/username"), "u"), "rw-r--r--");
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(dir)) {
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains(dir.toString(), "chmod 600", "defaultMode");
        }
    }
}
