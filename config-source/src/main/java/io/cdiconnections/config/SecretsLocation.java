package io.cdiconnections.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One place secrets may come from, in discovery order.
 *
 * @param kind     why the place is searched, which decides what happens when nothing is there
 * @param path     the file or directory on the file system; null for a class path resource
 *                 that is not a plain file (inside a jar)
 * @param resource the class path URL, or null
 */
record SecretsLocation(Kind kind, Path path, URL resource) {

    /** Why a location is searched. */
    enum Kind {
        /** {@code .streamlit/secrets.toml} of the application's class loader: optional. */
        CLASSPATH,
        /** {@code ~/.streamlit/secrets.toml} or {@code ./.streamlit/secrets.toml}: optional. */
        DEFAULT,
        /** An entry of {@code secrets.files}: must exist. */
        EXPLICIT
    }

    static SecretsLocation of(Kind kind, Path path) {
        return new SecretsLocation(kind, path, null);
    }

    static SecretsLocation classpath(URL resource) {
        return new SecretsLocation(Kind.CLASSPATH, fileOf(resource).orElse(null), resource);
    }

    /** A class path resource in a folder (a WAR's WEB-INF/classes) can be edited and watched. */
    private static Optional<Path> fileOf(URL resource) {
        if (!"file".equals(resource.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(resource.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How messages name this place: the path the user knows, else the class path URL. */
    String describe() {
        return path != null ? path.toString() : resource.toString();
    }
}
