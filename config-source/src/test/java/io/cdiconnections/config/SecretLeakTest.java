package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password planted in secrets files broken in every way this module reports never shows up in
 * an exception (message, stack trace, causes), a log record or a {@code toString()}.
 */
class SecretLeakTest {

    private static final String PASSWORD = "pw" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path tmp;

    private final List<String> seen = new ArrayList<>();

    /** TOML files broken in each way the parser reports, every one holding the password. */
    private static Map<String, byte[]> brokenFiles() {
        Map<String, String> toml = new LinkedHashMap<>();
        toml.put("unquoted value", "[connections.sql]\npassword = " + PASSWORD + "\n");
        toml.put("unquoted value with symbols", "password = " + PASSWORD + "!#x\n");
        toml.put("unterminated string", "password = \"" + PASSWORD + "\nhost = \"h\"\n");
        toml.put("unterminated literal", "password = '" + PASSWORD + "\n");
        toml.put("unterminated multi-line", "password = \"\"\"" + PASSWORD + "\n");
        toml.put("mismatched quotes", "password = '" + PASSWORD + "\"\n");
        toml.put("bad escape", "password = \"" + PASSWORD + "\\q\"\n");
        toml.put("bad unicode escape", "password = \"" + PASSWORD + "\\uZZZZ\"\n");
        toml.put("duplicate key", "password = \"" + PASSWORD + "\"\npassword = \"" + PASSWORD + "\"\n");
        toml.put("value after value", "password = \"a\" " + PASSWORD + "\n");
        toml.put("unclosed header", "[connections.sql\npassword = \"" + PASSWORD + "\"\n");
        toml.put("unclosed inline table", "creds = { password = \"" + PASSWORD + "\"\n");
        toml.put("missing comma in array", "a = [\"" + PASSWORD + "\" \"x\"]\n");
        toml.put("bad number", "port = 54_" + PASSWORD + "\n");
        toml.put("bad date", "when = 2020-02-30" + PASSWORD + "\n");
        toml.put("password as key", PASSWORD + "\n");
        toml.put("ordinal not a number", "config_ordinal = \"" + PASSWORD + "\"\n");
        toml.put("control character", "password = \"" + PASSWORD + "\u0001\"\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        toml.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        byte[] latin1 = ("password = \"" + PASSWORD + "\u00e9\"\n").getBytes(StandardCharsets.ISO_8859_1);
        files.put("not UTF-8", latin1);
        return files;
    }

    @Test
    void noBrokenFileRevealsThePasswordAtStartupOrOnReload() throws Exception {
        Path file = tmp.resolve("secrets.toml");
        try (LogCapture log = new LogCapture()) {
            for (Map.Entry<String, byte[]> broken : brokenFiles().entrySet()) {
                Secrets.write(file, broken.getValue());
                assertThatThrownBy(() -> Secrets.source(file)).as(broken.getKey())
                        .isInstanceOfSatisfying(SecretsException.class, e -> seen.add(Secrets.fullText(e)));
            }
            Secrets.write(file, "password = \"" + PASSWORD + "\"\n");
            try (SecretsConfigSource source = Secrets.source(file)) {
                seen.add(source.toString());
                int warnings = 0;
                for (Map.Entry<String, byte[]> broken : brokenFiles().entrySet()) {
                    Secrets.write(file, broken.getValue());
                    int expected = ++warnings;
                    Secrets.await(Duration.ofSeconds(2), "reload error for " + broken.getKey(),
                            () -> log.messages(Level.WARNING).size() >= expected);
                }
                assertThat(source.getValue("password")).isEqualTo(PASSWORD);
                seen.add(source.toString());
            }
            seen.add(log.text());
        }
        assertNoPassword(brokenFiles().size() + 3);
    }

    @Test
    void noBadDirectoryMissingOrUnreadableFileRevealsThePassword() throws Exception {
        Path flat = tmp.resolve("flat");
        Secrets.write(flat.resolve("password"), PASSWORD);
        Path encoding = tmp.resolve("encoding");
        Secrets.write(encoding.resolve("db/password"), (PASSWORD + "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        Secrets.write(encoding.resolve("db/user"), "u");
        Path folderAsFile = Files.createDirectories(tmp.resolve("work/.streamlit/secrets.toml"));
        Secrets.write(folderAsFile.resolve("inside"), "password = \"" + PASSWORD + "\"");
        try (LogCapture log = new LogCapture()) {
            for (Path broken : List.of(flat, encoding, tmp.resolve("missing-" + PASSWORD.length()))) {
                assertThatThrownBy(() -> Secrets.source(broken))
                        .isInstanceOfSatisfying(SecretsException.class, e -> seen.add(Secrets.fullText(e)));
            }
            assertThatThrownBy(() -> Secrets.source(List.of(SecretsLocation.of(SecretsLocation.Kind.DEFAULT, folderAsFile))))
                    .isInstanceOfSatisfying(SecretsException.class, e -> seen.add(Secrets.fullText(e)));
            reloadIntoBrokenDirectory(log);
            seen.add(log.text());
        }
        assertNoPassword(6);
    }

    private void reloadIntoBrokenDirectory(LogCapture log) throws IOException {
        Path dir = tmp.resolve("mounted");
        Secrets.write(dir.resolve("db/password"), PASSWORD);
        try (SecretsConfigSource source = Secrets.source(dir)) {
            Secrets.write(dir.resolve("stray"), PASSWORD);
            Secrets.await(Duration.ofSeconds(2), "reload error", () -> !log.messages(Level.WARNING).isEmpty());
            assertThat(source.getValue("db")).isEqualTo(PASSWORD);
            seen.add(source.toString());
        }
    }

    private void assertNoPassword(int minimumTexts) {
        assertThat(seen).hasSizeGreaterThanOrEqualTo(minimumTexts).allSatisfy(text -> assertThat(text)
                .isNotBlank().doesNotContain(PASSWORD).doesNotContain(PASSWORD.substring(2, 12)));
    }
}
