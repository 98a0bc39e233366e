package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets directories laid out as Kubernetes mounts secrets, read by Streamlit's rules. */
class SecretsDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void eachFolderIsAKeyItsFilesSubKeysAndASingleFileCollapsesToAValue() throws Exception {
        Path dir = tmp.resolve("secrets");
        Secrets.write(dir.resolve("db/username"), "me\n");
        Secrets.write(dir.resolve("db/password"), "  s3cret \n");
        Secrets.write(dir.resolve("api_key/key"), "abc");
        Files.createDirectories(dir.resolve("empty"));
        try (SecretsConfigSource source = Secrets.source(dir)) {
            assertThat(source.getProperties()).containsOnly(entry("api_key", "abc"),
                    entry("db.password", "s3cret"), entry("db.username", "me"));
        }
    }

    @Test
    void hiddenEntriesAndDeeperFoldersAreSkipped() throws Exception {
        Path dir = tmp.resolve("secrets");
        Secrets.write(dir.resolve("..2024_01_01/token"), "ignored");
        Secrets.write(dir.resolve(".DS_Store"), "ignored");
        Secrets.write(dir.resolve("token/value"), "t");
        Secrets.write(dir.resolve("token/.hidden"), "ignored");
        Secrets.write(dir.resolve("token/nested/deeper"), "ignored");
        try (SecretsConfigSource source = Secrets.source(dir)) {
            assertThat(source.getProperties()).containsOnly(entry("token", "t"));
        }
    }

    @Test
    void kubernetesSymbolicLinksAreFollowed() throws Exception {
        Path mount = tmp.resolve("secrets/db");
        Secrets.write(mount.resolve("..2024_01_01/password"), "p");
        Secrets.write(mount.resolve("..2024_01_01/username"), "u");
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("..2024_01_01"));
        Files.createSymbolicLink(mount.resolve("password"), Path.of("..data/password"));
        Files.createSymbolicLink(mount.resolve("username"), Path.of("..data/username"));
        try (SecretsConfigSource source = Secrets.source(tmp.resolve("secrets"))) {
            assertThat(source.getProperties()).containsOnly(entry("db.password", "p"), entry("db.username", "u"));
        }
    }

    @Test
    void aFolderNameHoldingADotIsQuoted() throws Exception {
        Secrets.write(tmp.resolve("secrets/my.db/password"), "p");
        Secrets.write(tmp.resolve("secrets/my.db/user"), "u");
        try (SecretsConfigSource source = Secrets.source(tmp.resolve("secrets"))) {
            assertThat(source.getPropertyNames()).containsOnly("\"my.db\".password", "\"my.db\".user");
        }
    }

    @Test
    void twoEntriesThatSpellOneKeyAreAnErrorNamingBoth() throws Exception {
        Path dir = tmp.resolve("secrets");
        Secrets.write(dir.resolve("\"a/b\""), "one");
        Secrets.write(dir.resolve("\"a/c"), "two");
        Secrets.write(dir.resolve("a.b/only"), "three");
        assertThatThrownBy(() -> Secrets.source(dir)).isInstanceOf(SecretsException.class)
                .hasMessage("Secrets directory " + dir + " holds \"a/b\" and a.b/only, which both become the config key"
                        + " \"a.b\", so one would silently hide the other. Rename one of them.");
    }

    @Test
    void aPlainFileAtTheTopIsAnErrorThatSaysHowToLayItOut() throws Exception {
        Path dir = tmp.resolve("secrets");
        Secrets.write(dir.resolve("password"), "p");
        assertThatThrownBy(() -> Secrets.source(dir)).isInstanceOfSatisfying(SecretsException.class, e -> {
            assertThat(e.file()).isEqualTo(dir.toString());
            assertThat(e.getMessage()).contains(dir.toString(), "password", "not a folder",
                    "Move it into a folder of its own");
        });
    }

    @Test
    void aDirectoryAndTomlFilesMergeKeyByKeyInTheirOrder() throws Exception {
        Path toml = Secrets.write(tmp.resolve("secrets.toml"), "[connections]\nsql = { host = \"h\", password = \"from-toml\" }");
        Secrets.write(tmp.resolve("mount/connections/sql.host"), "ignored-because-the-folder-has-two-files");
        Secrets.write(tmp.resolve("mount/connections/other"), "o");
        Secrets.write(tmp.resolve("mount/api/key"), "k");
        try (SecretsConfigSource source = Secrets.source(toml, tmp.resolve("mount"))) {
            assertThat(source.getProperties()).containsOnly(entry("connections.sql.host", "h"),
                    entry("connections.sql.password", "from-toml"), entry("connections.\"sql.host\"",
                            "ignored-because-the-folder-has-two-files"),
                    entry("connections.other", "o"), entry("api", "k"));
        }
    }
}
