package io.cdiconnections.test;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streamlit's secrets.toml examples ({@code config-source/src/test/resources/secrets-examples},
 * copied onto this module's test class path by its pom).
 */
public final class SecretsExamples {

    private SecretsExamples() {
    }

    /**
     * One example file.
     *
     * @param name for example {@code postgresql.toml}
     * @return its path on disk
     * @throws AssertionError when it is missing, so that missing data fails the build
     */
    public static Path file(String name) {
        URL url = SecretsExamples.class.getClassLoader().getResource("secrets-examples/" + name);
        if (url == null) {
            throw new AssertionError("secrets-examples/" + name + " is missing from the test class path");
        }
        try {
            Path file = Path.of(url.toURI());
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("secrets-examples/" + name + " is not a file: " + file);
            }
            return file;
        } catch (URISyntaxException e) {
            throw new AssertionError("secrets-examples/" + name + " has no file path: " + url, e);
        }
    }
}
