package io.cdiconnections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import io.cdiconnections.docs.MarkdownBlocks.Block;

/**
 * Every Java block of README.md and docs/*.md compiles, against the library, the Jakarta EE and
 * MicroProfile Config APIs, the Redis example and the tck: a block is either a whole compilation
 * unit (it starts with its {@code package} or {@code import} lines, so a person can copy it into
 * a file), or is marked {@code <!-- fragment -->} on the line before its fence (a few lines to
 * read, not to compile alone). A block that is neither fails, naming its file and line.
 */
class DocsSnippetsTest {

    @Test
    void everyJavaBlockOfTheDocsIsAFragmentOrCompiles() throws IOException {
        List<Block> java = new ArrayList<>();
        for (Path file : markdownFiles()) {
            MarkdownBlocks.of(file).stream().filter(b -> b.language().equals("java")).forEach(java::add);
        }
        assertThat(java).as("Java blocks in the docs").isNotEmpty();

        List<String> unmarked = java.stream().filter(b -> !b.fragment() && !isCompilationUnit(b))
                .map(Block::where).toList();
        assertThat(unmarked).as("Java blocks that are neither whole files (package/import first) nor marked "
                + MarkdownBlocks.FRAGMENT_MARK + " on the line before their fence").isEmpty();

        List<Block> units = java.stream().filter(b -> !b.fragment()).toList();
        assertThat(units).as("whole Java files in the docs (the README's Quickstart has some)").isNotEmpty();
        List<String> errors = compile(units);
        assertThat(errors).as("compiler errors in the docs' Java files").isEmpty();
        System.out.printf("docs: %d Java blocks, %d compiled, %d fragments%n", java.size(), units.size(),
                java.size() - units.size());
    }

    private static boolean isCompilationUnit(Block b) {
        String first = b.text().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .findFirst().orElse("");
        return first.startsWith("package ") || first.startsWith("import ");
    }

    /** Compiles each block as its own compilation (two docs may show a class of the same name). */
    private static List<String> compile(List<Block> units) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("docs-javac");
        List<String> errors = new ArrayList<>();
        for (Block unit : units) {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("-proc:none", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(source(unit))).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(unit.where() + " (+" + d.getLineNumber() + "): " + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(unit.where() + ": did not compile");
            }
        }
        return errors;
    }

    /** The block as a source file named for its public type, so that javac accepts it. */
    private static JavaFileObject source(Block unit) {
        java.util.regex.Matcher type = java.util.regex.Pattern
                .compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)")
                .matcher(unit.text());
        String name = type.find() ? type.group(1) : "Snippet";
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit.text();
            }
        };
    }

    static List<Path> markdownFiles() throws IOException {
        Path root = Repository.root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
