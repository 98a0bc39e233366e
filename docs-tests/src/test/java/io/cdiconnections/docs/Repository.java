package io.cdiconnections.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout is and what this build made, as the pom hands them to the tests. */
final class Repository {

    private Repository() {
    }

    /** @return the root of the checkout (the folder of README.md and the parent pom) */
    static Path root() {
        Path root = Path.of(property("docs.root")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("README.md"))) {
            throw new IllegalStateException("No README.md in " + root);
        }
        return root;
    }

    /** @return the version of this build's artifacts */
    static String version() {
        return property("docs.version");
    }

    /**
     * A system property the pom sets.
     *
     * @param name its name
     * @return its value
     */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests with Maven "
                    + "(./mvnw -B verify -pl docs-tests -am), whose pom sets it");
        }
        return value;
    }
}
