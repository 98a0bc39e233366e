package io.cdiconnections.config;

import java.util.Comparator;

import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseOptions;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlVersion;

/**
 * Parses the bytes of a secrets file: strict UTF-8 with an optional byte order mark, TOML 1.1
 * (which accepts every TOML 1.0 document). A problem becomes a {@link SecretsException} with the
 * line and column and a description free of the input.
 */
final class TomlParser {

    private final TomlVersion version;

    TomlParser() {
        this(TomlVersion.V1_1_0);
    }

    /** A parser for one TOML version; the conformance test checks each version's own rules. */
    TomlParser(TomlVersion version) {
        this.version = version;
    }

    /**
     * Parses a document.
     *
     * @param bytes the file's content
     * @param file  how messages name the file
     * @throws SecretsException when the bytes are not UTF-8 or not valid TOML
     */
    TomlParseResult parse(byte[] bytes, String file) {
        String text = Utf8.decode(bytes, file);
        rejectBareCarriageReturn(text, file);
        TomlParseOptions options = TomlParseOptions.defaults().withVersion(version).withoutSource();
        TomlParseResult result;
        try {
            result = Toml.parse(text, options);
        } catch (RuntimeException | StackOverflowError e) {
            // a tomlj bug on some broken input (found by SecretsFuzzTest): still our error, no input in it
            throw new SecretsException(Messages.parserFailed(file, e.getClass().getSimpleName()), file, 0, 0);
        }
        if (result.hasErrors()) {
            // tomlj's error is not chained as a cause: its message quotes the input
            TomlParseError first = result.errors().stream()
                    .min(Comparator.comparingInt((TomlParseError e) -> line(e.position()))
                            .thenComparingInt(e -> column(e.position())))
                    .orElseThrow();
            throw new SecretsException(
                    Messages.invalidToml(file, line(first.position()), column(first.position()),
                            TomlErrorText.describe(first.getMessage()), result.errors().size() - 1),
                    file, line(first.position()), column(first.position()));
        }
        return result;
    }

    /**
     * A carriage return not followed by a line feed is never valid TOML (it is a control
     * character, not a line break), and tomlj 2.2.0 fails with a NullPointerException on one in
     * a comment inside an inline table; so it is reported here, at its position.
     */
    private static void rejectBareCarriageReturn(String text, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                int column = i - lineStart + 1;
                throw new SecretsException(Messages.invalidToml(file, line, column,
                        "A carriage return must be followed by a line feed", 0), file, line, column);
            }
        }
    }

    private static int line(TomlPosition position) {
        return position == null ? 0 : position.line();
    }

    private static int column(TomlPosition position) {
        return position == null ? 0 : position.column();
    }
}
