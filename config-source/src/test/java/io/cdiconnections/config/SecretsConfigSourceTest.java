package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Level;

import io.cdiconnections.config.SecretsLocation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsConfigSourceTest {

    @TempDir
    Path tmp;

    @Test
    void laterFilesOverrideEarlierOnesKeyByKey() throws Exception {
        Path home = Secrets.write(tmp.resolve("home.toml"), "[connections.sql]\nhost = \"h\"\npassword = \"old\"");
        Path project = Secrets.write(tmp.resolve("project.toml"), "[connections.sql]\npassword = \"new\"");
        try (SecretsConfigSource source = Secrets.source(home, project)) {
            assertThat(source.getProperties()).containsOnly(
                    entry("connections.sql.host", "h"), entry("connections.sql.password", "new"));
        }
    }

    @Test
    void aLaterArrayOrValueReplacesWhateverAnEarlierFileHadThere() throws Exception {
        Path first = Secrets.write(tmp.resolve("1.toml"), "a = [1, 2, 3]\nb = { x = 1 }\nc = 5");
        Path second = Secrets.write(tmp.resolve("2.toml"), "a = [9]\nb = \"flat\"\nc = [7]");
        try (SecretsConfigSource source = Secrets.source(first, second)) {
            assertThat(source.getProperties()).containsOnly(entry("a", "9"), entry("a[0]", "9"),
                    entry("b", "flat"), entry("c", "7"), entry("c[0]", "7"));
        }
    }

    @Test
    void theOrdinalIs250UnlessAFileSetsConfigOrdinal() throws Exception {
        try (SecretsConfigSource plain = Secrets.source(Secrets.write(tmp.resolve("a.toml"), "x = 1"))) {
            assertThat(plain.getOrdinal()).isEqualTo(SecretsConfigSource.DEFAULT_ORDINAL).isEqualTo(250);
        }
        try (SecretsConfigSource set = Secrets.source(Secrets.write(tmp.resolve("b.toml"), "config_ordinal = 275"))) {
            assertThat(set.getOrdinal()).isEqualTo(275);
        }
    }

    @Test
    void aConfigOrdinalThatIsNoIntegerIsAnErrorNamingTheFile() throws Exception {
        Path file = Secrets.write(tmp.resolve("s.toml"), "config_ordinal = \"high\"");
        assertThatThrownBy(() -> Secrets.source(file)).isInstanceOf(SecretsException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("config_ordinal")
                .hasMessageNotContaining("high");
    }

    @Test
    void aMissingPathFromSecretsFilesIsAnErrorNamingIt() {
        Path missing = tmp.resolve("nowhere/secrets.toml");
        assertThatThrownBy(() -> Secrets.source(missing)).isInstanceOf(SecretsException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("secrets.files")
                .satisfies(e -> assertThat(((SecretsException) e).file()).isEqualTo(missing.toString()));
    }

    @Test
    void missingDefaultFilesAreSkippedAndSaidOnceAtInfo() {
        List<SecretsLocation> defaults = List.of(SecretsLocation.of(Kind.DEFAULT, tmp.resolve("home/.streamlit/secrets.toml")),
                SecretsLocation.of(Kind.DEFAULT, tmp.resolve("work/.streamlit/secrets.toml")));
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(defaults)) {
            assertThat(source.getProperties()).isEmpty();
            assertThat(log.messages(Level.INFO)).singleElement().asString()
                    .contains("No secrets file found").contains(tmp.resolve("home/.streamlit/secrets.toml").toString());
        }
    }

    @Test
    void invalidTomlStopsStartupNamingFileLineAndColumn() throws Exception {
        Path file = Secrets.write(tmp.resolve("bad.toml"), "[connections.sql]\nhost = \"h\"\nport = 54 32\n");
        assertThatThrownBy(() -> Secrets.source(file)).isInstanceOfSatisfying(SecretsException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(11);
            assertThat(e.getMessage()).contains(file.toString(), "line 3, column 11", "expected a newline",
                    "Fix the TOML syntax");
        });
    }

    @Test
    void aFileWithAByteOrderMarkLoads() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] toml = "[connections.sql]\nhost = \"h\"".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + toml.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(toml, 0, content, bom.length, toml.length);
        try (SecretsConfigSource source = Secrets.source(Secrets.write(tmp.resolve("bom.toml"), content))) {
            assertThat(source.getValue("connections.sql.host")).isEqualTo("h");
        }
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithItsPosition() throws Exception {
        Path file = Secrets.write(tmp.resolve("latin1.toml"), "a = 1\nb = \"caf\u00e9\"".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Secrets.source(file)).isInstanceOfSatisfying(SecretsException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(9);
            assertThat(e.getMessage()).contains(file.toString(), "not UTF-8", "Save the file as UTF-8");
        });
    }

    @Test
    void aSecretsFileThatIsAFolderIsAnErrorSayingSo() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("work/.streamlit/secrets.toml"));
        assertThatThrownBy(() -> Secrets.source(List.of(SecretsLocation.of(Kind.DEFAULT, folder))))
                .isInstanceOf(SecretsException.class)
                .hasMessage("Secrets file " + folder + " is a directory, not a regular file, so it is not read (a FIFO"
                        + " would block the application, a device never ends). Replace it with a regular file holding"
                        + " the secrets, or remove it (or its entry in secrets.files).");
    }

    @Test
    void theClassPathFileComesFirstAndTheHomeAndWorkingDirectoryFilesOverrideIt() throws Exception {
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(".streamlit/secrets.toml"));
            out.write("[connections.sql]\nhost = \"shipped\"\nport = 1\ndialect = \"h2\"".getBytes(StandardCharsets.UTF_8));
        }
        Secrets.write(tmp.resolve("home/.streamlit/secrets.toml"), "[connections.sql]\nhost = \"home\"\nport = 2");
        Secrets.write(tmp.resolve("work/.streamlit/secrets.toml"), "[connections.sql]\nport = 3");
        Map<String, String> props = Map.of("user.home", tmp.resolve("home").toString(), "user.dir", tmp.resolve("work").toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             SecretsConfigSource source = Secrets.source(SecretsLocations.discover(loader, props::get, name -> null))) {
            assertThat(source.getProperties()).containsOnly(entry("connections.sql.dialect", "h2"),
                    entry("connections.sql.host", "home"), entry("connections.sql.port", "3"));
            assertThat(source.toString()).contains("jar:", "3 keys");
        }
    }

    @Test
    void toStringNamesTheFilesAndCountsKeysButShowsNoValue() throws Exception {
        Path file = Secrets.write(tmp.resolve("s.toml"), "[connections.sql]\nhost = \"db.example\"\npassword = \"hunter2\"");
        try (SecretsConfigSource source = Secrets.source(file)) {
            assertThat(source.toString()).contains(file.toString(), "2 keys", "ordinal 250")
                    .doesNotContain("hunter2", "db.example");
        }
    }

    @Test
    void thePropertiesCannotBeChangedByCallers() throws Exception {
        try (SecretsConfigSource source = Secrets.source(Secrets.write(tmp.resolve("s.toml"), "a = 1"))) {
            assertThatThrownBy(() -> source.getProperties().put("a", "2")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(source.getPropertyNames()).containsExactly("a");
            assertThat(source.getName()).isEqualTo(SecretsConfigSource.NAME);
        }
    }
}
