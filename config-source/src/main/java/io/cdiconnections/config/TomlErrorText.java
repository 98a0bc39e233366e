package io.cdiconnections.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites tomlj's error messages so that none of the input survives. tomlj quotes the offending
 * text ({@code Unexpected 's3cret', expected a value}), which may be a password; what is kept is
 * only what comes from the grammar (the expected tokens) or is a key name, and anything not
 * recognised becomes a generic description. Line and column are reported separately.
 */
final class TomlErrorText {

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected (end of input|end of line|.*?), expected (.+?)"
                    + "(?:; the (array|inline table) opened at line (\\d+), column (\\d+) is unclosed)?");
    /** Every phrase the TOML grammar uses in an "expected" list; nothing from the input. */
    private static final Set<String> EXPECTED_WORDS = Set.of(
            "a newline", "end-of-input", "a value", "a key", "a table key", "a date/time",
            "a character", "a comma", "=", ".", "]", "]]", "}", ":", "\"", "\"\"\"", "'", "'''");
    private static final Pattern INVALID = Pattern.compile(
            "(Invalid [a-z ]+?)(?: \\((valid range [-+0-9./]+)\\))?(?: '.*| as .*)?");
    private static final Pattern KEY_PROBLEM = Pattern.compile(
            "(.+?) (previously defined|already defined|is not a table|is not an array"
                    + "|is an inline table|previously defined as a literal array)\\b(.*)");
    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final List<String> FIXED = List.of(
            "Leading zeros are not allowed", "Empty table key",
            "A trailing comma is not allowed in an inline table",
            "Newlines are not allowed in an inline table", "Seconds are required in a time",
            // tomlj's own guard against deep nesting; the limit is documented in config-source.md
            "Nesting is too deep (more than 128 levels of tables and arrays)");
    private static final String VERSION_NOTE = " (TOML versions before 1.1.0)";

    private TomlErrorText() {
    }

    /** A description of the problem that holds no text of the input. */
    static String describe(String tomljMessage) {
        String message = tomljMessage == null ? "" : tomljMessage;
        for (String fixed : FIXED) {
            if (message.equals(fixed) || message.equals(fixed + VERSION_NOTE)) {
                return message;
            }
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.matches()) {
            return unexpected(unexpected);
        }
        Matcher invalid = INVALID.matcher(message);
        if (invalid.matches()) {
            return Messages.tomlInvalid(invalid.group(1), invalid.group(2));
        }
        Matcher key = KEY_PROBLEM.matcher(message);
        if (key.matches()) {
            return keyProblem(key);
        }
        return Messages.tomlSyntax();
    }

    private static String unexpected(Matcher m) {
        String found = m.group(1).startsWith("end of") ? m.group(1) : null;
        String expected = isGrammar(m.group(2)) ? m.group(2) : null;
        return Messages.tomlUnexpected(found, expected, m.group(3), m.group(4), m.group(5));
    }

    private static boolean isGrammar(String expected) {
        for (String word : expected.split(", or |, | or ")) {
            if (!EXPECTED_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Key names are shown (they are names, not values), and where the key was first defined. */
    private static String keyProblem(Matcher m) {
        Matcher first = POSITION.matcher(m.group(3));
        boolean found = first.find();
        return Messages.tomlKey(m.group(1), m.group(2), found ? first.group(1) : null, found ? first.group(2) : null);
    }
}
