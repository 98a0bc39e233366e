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
        TomlParseOptions options = TomlParseOptions.defaults().withVersion(version).withoutSource();
        TomlParseResult result = Toml.parse(text, options);
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

    private static int line(TomlPosition position) {
        return position == null ? 0 : position.line();
    }

    private static int column(TomlPosition position) {
        return position == null ? 0 : position.column();
    }
}
