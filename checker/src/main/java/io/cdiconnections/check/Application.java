package io.cdiconnections.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The application given with {@code --war}, as the server will see it: a WAR file (unpacked to a
 * temporary folder), an exploded WAR folder, a classes folder or a jar, each a part of one class
 * path: {@code WEB-INF/classes} and every {@code WEB-INF/lib/*.jar}. Its class loader puts the
 * checker's own classes first, so that the application's connection classes extend the checker's
 * {@code BaseConnection}.
 */
final class Application implements AutoCloseable {

    private static final String CLASSES = "WEB-INF/classes";
    private static final String LIB = "WEB-INF/lib";
    private static final String SECRETS = ".streamlit/secrets.toml";

    private final List<Path> given;
    private final List<Path> roots;
    private final Path unpacked;
    private final URLClassLoader loader;

    private Application(List<Path> given, List<Path> roots, Path unpacked) {
        this.given = given;
        this.roots = roots;
        this.unpacked = unpacked;
        this.loader = new URLClassLoader("application", roots.stream().map(Application::url).toArray(URL[]::new),
                Application.class.getClassLoader());
    }

    /**
     * @param paths the paths given with {@code --war}, each of which must exist
     * @return the application they make up
     * @throws IOException when a WAR cannot be unpacked or a folder read
     */
    static Application open(List<Path> paths) throws IOException {
        Path unpacked = null;
        List<Path> roots = new ArrayList<>();
        try {
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                Path part = p;
                if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".war")) {
                    if (unpacked == null) {
                        unpacked = Files.createTempDirectory("cdi-connections-check");
                    }
                    part = unpacked.resolve(String.valueOf(i)); // named back to the WAR by shown()
                    unpack(p, part);
                }
                roots.addAll(rootsOf(part));
            }
        } catch (IOException | RuntimeException e) {
            delete(unpacked);
            throw e;
        }
        return new Application(List.copyOf(paths), List.copyOf(roots), unpacked);
    }

    private static List<Path> rootsOf(Path part) throws IOException {
        if (!Files.isDirectory(part.resolve("WEB-INF"))) {
            return List.of(part); // a classes folder or a jar
        }
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(part.resolve(CLASSES))) {
            roots.add(part.resolve(CLASSES));
        }
        if (Files.isDirectory(part.resolve(LIB))) {
            try (Stream<Path> jars = Files.list(part.resolve(LIB))) {
                jars.filter(j -> j.getFileName().toString().endsWith(".jar")).sorted().forEach(roots::add);
            }
        }
        return roots;
    }

    private static void unpack(Path war, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(war); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException(CheckMessages.entryOutsideWar(war, e.getName()));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** @return the class path, in order: classes folders and jars */
    List<Path> roots() {
        return roots;
    }

    /** @return the application's class loader, the checker's classes first */
    ClassLoader loader() {
        return loader;
    }

    /** @return the secrets file on the application's class path, as the server finds it, if any */
    Optional<Path> classPathSecrets() {
        return roots.stream().filter(Files::isDirectory).map(r -> r.resolve(SECRETS)).filter(Files::isRegularFile)
                .findFirst();
    }

    /** @return the paths as given, for the report */
    String describe() {
        return String.join(", ", given.stream().map(Path::toString).toList());
    }

    /**
     * @param line a line of the report
     * @return the line with the temporary folder of an unpacked WAR replaced by the WAR's name
     */
    String shown(String line) {
        if (unpacked == null) {
            return line;
        }
        String result = line;
        for (int i = 0; i < given.size(); i++) {
            result = result.replace(unpacked.resolve(String.valueOf(i)) + "/", given.get(i) + "!/");
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        loader.close();
        delete(unpacked);
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static URL url(Path root) {
        try {
            return root.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
