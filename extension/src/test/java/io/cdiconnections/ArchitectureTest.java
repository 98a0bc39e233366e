package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout of the library's main code, as docs/architecture.md draws it: the API packages an
 * application uses, the machinery under {@code io.cdiconnections.internal}, and arrows that only
 * point down. Read from the sources (imports and fully qualified names in code), so a change that
 * breaks a rule fails here with the file that breaks it.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "io.cdiconnections";
    private static final String INTERNAL = ROOT + ".internal";

    /**
     * The API: every public type an application may name. A new one is a decision (add it here and
     * to the docs); machinery goes under io.cdiconnections.internal instead.
     */
    private static final Map<String, Set<String>> API = Map.of(
            ROOT, Set.of("BaseConnection", "Connection", "ConnectionClosedException", "ConnectionConfigException",
                    "ConnectionContext", "ConnectionException", "ConnectionLifecycle", "ConnectionParameters",
                    "ConnectionScope", "ConnectionSource", "ConnectionTypeException", "ConnectionUnavailableException",
                    "Connections", "RawFunction"),
            ROOT + ".sql", Set.of("Column", "JdbcQueries", "QueryException", "QueryOptions", "Row", "SQLConnection",
                    "Table", "Transaction", "TransactionWork"),
            ROOT + ".snowflake", Set.of("SnowflakeConnection", "SnowparkConnection"),
            ROOT + ".json", Set.of("JsonValues", "JsonWritable", "JsonpSink", "RowJsonbSerializer",
                "TableJsonbSerializer"),
            ROOT + ".json.jackson", Set.of("RowJacksonSerializer", "TableJacksonSerializer"),
            ROOT + ".json.jaxrs", Set.of("JsonWritableWriter"));

    /** Generated or not: no class of the main code is longer than this. */
    private static final int MAX_LINES = 450;

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|enum|record|@interface) (\\w+)",
            Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.cdiconnections(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    private record Source(Path path, String pkg, String text, String code) {
    }

    @Test
    void everyPackageIsEitherApiOrInternal() {
        Set<String> packages = new TreeSet<>();
        sources().forEach(s -> packages.add(s.pkg()));
        assertThat(packages).allSatisfy(p -> assertThat(API.containsKey(p) || p.equals(INTERNAL)
                || p.startsWith(INTERNAL + "."))
                .as("%s is neither an API package %s nor under %s", p, API.keySet(), INTERNAL).isTrue());
    }

    @Test
    void theApiPackagesHoldExactlyTheApiTypes() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Source s : sources()) {
            if (API.containsKey(s.pkg())) {
                Matcher m = PUBLIC_TYPE.matcher(s.code());
                if (m.find()) {
                    found.computeIfAbsent(s.pkg(), k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        API.forEach((pkg, types) -> assertThat(found.getOrDefault(pkg, Set.of()))
                .as("public types of %s: a new one is API (list it here) or machinery (move it under %s)",
                        pkg, INTERNAL)
                .containsExactlyInAnyOrderElementsOf(types));
    }

    @Test
    void theApiUsesNoMachinery() {
        List<String> wrong = new ArrayList<>();
        for (Source s : sources()) {
            if (API.containsKey(s.pkg())) {
                references(s).stream().filter(r -> r.startsWith(INTERNAL + "."))
                        .forEach(r -> wrong.add(s.path() + " -> " + r));
            }
        }
        assertThat(wrong).as("API code that reaches into %s.* (only the leaf %s is below the API)", INTERNAL, INTERNAL)
                .isEmpty();
    }

    @Test
    void theInternalLeafImportsNothingOfTheLibrary() {
        List<String> wrong = new ArrayList<>();
        for (Source s : sources()) {
            if (s.pkg().equals(INTERNAL)) {
                references(s).stream().filter(r -> !r.equals(ROOT + ".config"))
                        .forEach(r -> wrong.add(s.path() + " -> " + r));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (Source s : sources()) {
            Set<String> to = arrows.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            references(s).stream().filter(r -> !r.equals(s.pkg()) && r.startsWith(ROOT)
                    && !r.equals(ROOT + ".config")).forEach(to::add);
        }
        List<List<String>> circles = new ArrayList<>();
        for (String start : arrows.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            findCircle(start, start, arrows, path, new TreeSet<>(), circles);
        }
        assertThat(circles).as("package circles (each a -> b -> ... -> a)").isEmpty();
    }

    @Test
    void noClassIsLongerThanTheLimit() {
        List<String> long_ = new ArrayList<>();
        for (Source s : sources()) {
            long lines = s.text().lines().count();
            if (lines > MAX_LINES) {
                long_.add(s.path() + ": " + lines + " lines");
            }
        }
        assertThat(long_).as("classes over %d lines: split them by job", MAX_LINES).isEmpty();
    }

    private static void findCircle(String start, String at, Map<String, Set<String>> arrows, List<String> path,
                                   Set<String> seen, List<List<String>> circles) {
        for (String next : arrows.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> circle = new ArrayList<>(path);
                circle.add(start);
                // each circle once: from its smallest package
                if (start.equals(path.stream().min(String::compareTo).orElseThrow())) {
                    circles.add(circle);
                }
            } else if (seen.add(next)) {
                path.add(next);
                findCircle(start, next, arrows, path, seen, circles);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The packages of ours a source names in code (imports included), Javadoc and comments left out. */
    private static Set<String> references(Source s) {
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(s.code());
        while (m.find()) {
            packages.add(m.group(1));
        }
        packages.remove(s.pkg());
        return packages;
    }

    private static List<Source> sources() {
        assertThat(MAIN).as("run from the extension module's folder").isDirectory();
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> sources = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(p);
                Matcher m = PACKAGE.matcher(text);
                assertThat(m.find()).as("%s has a package", p).isTrue();
                sources.add(new Source(p, m.group(1), text, withoutComments(text)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with comments blanked out; string and character literals stay (a class named in one is code). */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                boolean block = text.startsWith("\"\"\"", i);
                if (block) {
                    end = text.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end + 3;
                } else {
                    while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(n, end + 1);
                }
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
