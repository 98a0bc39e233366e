package io.cdiconnections.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only {@code shared/} folder that sits beside the repository (CI clones the
 * repository next to it; a git worktree may be a few levels further down), by walking up from the
 * module folder. A system property overrides the search.
 */
final class SharedDir {

    private SharedDir() {
    }

    /**
     * The folder {@code shared/<relative>}.
     *
     * @param relative         for example {@code toml-test/tests}
     * @param overrideProperty a system property naming the folder directly
     * @throws AssertionError when it cannot be found, so that a missing suite fails the build
     */
    static Path find(String relative, String overrideProperty) {
        String override = System.getProperty(overrideProperty);
        if (override != null && !override.isBlank()) {
            return requireDirectory(Path.of(override), overrideProperty);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("Cannot find shared/" + relative + " in " + start
                + " or any folder above it; clone the repository beside shared/ or pass -D"
                + overrideProperty + "=/path/to/shared/" + relative);
    }

    private static Path requireDirectory(Path dir, String property) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("-D" + property + "=" + dir + " is not a folder");
        }
        return dir;
    }
}
