package io.cdiconnections.config;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.cdiconnections.config.SecretsLocation.Kind;

/**
 * Finds the places secrets are read from, in the order later ones override earlier ones:
 * Streamlit's order first (class path defaults, the user's home, the working directory), then
 * every entry of {@code secrets.files}.
 */
final class SecretsLocations {

    /** The class path resource, the same relative path Streamlit uses on disk. */
    static final String RESOURCE = ".streamlit/secrets.toml";
    /** Streamlit's option name, read as a system property. */
    static final String FILES_PROPERTY = "secrets.files";
    /** The same option as an environment variable, named the MicroProfile way. */
    static final String FILES_VARIABLE = "SECRETS_FILES";

    private SecretsLocations() {
    }

    /**
     * Discovers the locations from this JVM's system properties and environment.
     *
     * @param classLoader the application's class loader (a WAR's), or null for none
     */
    static List<SecretsLocation> discover(ClassLoader classLoader) {
        return discover(classLoader, System::getProperty, System::getenv);
    }

    /**
     * Discovers the locations; {@code secrets.files} cannot come from other config sources,
     * since they are being assembled while this runs.
     */
    static List<SecretsLocation> discover(ClassLoader classLoader, UnaryOperator<String> systemProperties,
                                          UnaryOperator<String> environment) {
        List<SecretsLocation> locations = new ArrayList<>();
        URL resource = classLoader == null ? null : classLoader.getResource(RESOURCE);
        if (resource != null) {
            locations.add(SecretsLocation.classpath(resource));
        }
        Path home = Path.of(systemProperties.apply("user.home"));
        Path workingDirectory = Path.of(systemProperties.apply("user.dir"));
        locations.add(SecretsLocation.of(Kind.DEFAULT, home.resolve(RESOURCE)));
        locations.add(SecretsLocation.of(Kind.DEFAULT, workingDirectory.resolve(RESOURCE)));
        String files = systemProperties.apply(FILES_PROPERTY);
        if (files == null || files.isBlank()) {
            files = environment.apply(FILES_VARIABLE);
        }
        for (String entry : split(files)) {
            locations.add(SecretsLocation.of(Kind.EXPLICIT, resolve(entry, home, workingDirectory)));
        }
        return List.copyOf(locations);
    }

    private static List<String> split(String files) {
        List<String> entries = new ArrayList<>();
        if (files != null) {
            for (String entry : files.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /** {@code ~} is expanded as a shell would, since the value is usually copied from one. */
    private static Path resolve(String entry, Path home, Path workingDirectory) {
        if (entry.equals("~")) {
            return home;
        }
        if (entry.startsWith("~/")) {
            return home.resolve(entry.substring(2)).normalize();
        }
        return workingDirectory.resolve(entry).normalize();
    }
}
