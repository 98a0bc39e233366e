package io.cdiconnections.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Small applications for the checker's {@code --war}: sources compiled while the test runs (so
 * that their classes are in the WAR only, never on the checker's class path), laid out as an
 * exploded WAR, and packed as a WAR file.
 */
final class TestWar {

    private static final Pattern CLASS_NAME = Pattern.compile("package ([\\w.]+);.*?public class (\\w+)",
            Pattern.DOTALL);

    private TestWar() {
    }

    /**
     * @param dir     where to make it
     * @param secrets the WAR's {@code WEB-INF/classes/.streamlit/secrets.toml}, or null for none
     * @param sources Java sources, each one public class
     * @return the exploded WAR folder
     */
    static Path exploded(Path dir, String secrets, String... sources) throws IOException {
        Path war = Files.createTempDirectory(dir, "exploded");
        Path classes = Files.createDirectories(war.resolve("WEB-INF/classes"));
        Path src = Files.createTempDirectory(dir, "src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        for (String source : sources) {
            Matcher m = CLASS_NAME.matcher(source);
            assertThat(m.find()).as("package and public class in %s", source).isTrue();
            Path file = src.resolve(m.group(1).replace('.', '/')).resolve(m.group(2) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
        assertThat(code).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();
        if (secrets != null) {
            Files.createDirectories(classes.resolve(".streamlit"));
            Files.writeString(classes.resolve(".streamlit/secrets.toml"), secrets);
        }
        return war;
    }

    /**
     * @param exploded an exploded WAR
     * @param file     the WAR file to write
     * @return the file
     */
    static Path pack(Path exploded, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
             Stream<Path> all = Files.walk(exploded)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(exploded.relativize(p).toString()));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A connection type of the application's own, which needs {@code host}. */
    static final String KEY_VALUE_CONNECTION = """
            package com.example.pets;

            import io.cdiconnections.BaseConnection;
            import io.cdiconnections.ConnectionContext;
            import io.cdiconnections.ConnectionParameters;

            public class KeyValueConnection extends BaseConnection<Object> {
                public KeyValueConnection(ConnectionContext context) {
                    super(context);
                }

                protected KeyValueConnection() {
                }

                @Override
                protected Object connect(ConnectionParameters params) {
                    return params.require("host");
                }

                @Override
                protected void validate(ConnectionParameters params) {
                    params.require("host");
                }
            }
            """;

    /** A bean with a field injection point of the built-in SQL type. */
    static final String PET_RESOURCE = """
            package com.example.pets;

            import jakarta.inject.Inject;
            import io.cdiconnections.Connection;
            import io.cdiconnections.sql.SQLConnection;

            public class PetResource {
                @Inject
                @Connection(name = "sql")
                SQLConnection sql;
            }
            """;

    /** A bean with a constructor injection point of {@link #KEY_VALUE_CONNECTION}, typed by it alone. */
    static final String CACHE_SERVICE = """
            package com.example.pets;

            import jakarta.inject.Inject;
            import io.cdiconnections.Connection;

            public class CacheService {
                @Inject
                public CacheService(@Connection(name = "cache") KeyValueConnection cache) {
                }
            }
            """;
}
