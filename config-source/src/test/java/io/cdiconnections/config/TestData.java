package io.cdiconnections.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds test data shipped in this module's test resources ({@code src/test/resources}): the
 * toml-test suite under {@code toml-test/} and Streamlit's secrets examples under
 * {@code secrets-examples/}. Each folder's README says where it comes from.
 */
final class TestData {

    private TestData() {
    }

    /**
     * A folder of the test resources, as a path on disk.
     *
     * @param relative for example {@code toml-test/tests}
     * @throws AssertionError when it is missing, so that missing data fails the build
     */
    static Path folder(String relative) {
        URL url = TestData.class.getClassLoader().getResource(relative);
        if (url == null) {
            throw new AssertionError("Test resource folder " + relative + " is missing from the test class path");
        }
        try {
            Path dir = Path.of(url.toURI());
            if (!Files.isDirectory(dir)) {
                throw new AssertionError("Test resource " + relative + " is not a folder: " + dir);
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new AssertionError("Test resource " + relative + " has no file path: " + url, e);
        }
    }
}
