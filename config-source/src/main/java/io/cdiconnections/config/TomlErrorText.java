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
            "Newlines are not allowed in an inline table", "Seconds are required in a time");
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
            String range = invalid.group(2) == null ? "" : " (" + invalid.group(2) + ")";
            return invalid.group(1) + range;
        }
        Matcher key = KEY_PROBLEM.matcher(message);
        if (key.matches()) {
            return keyProblem(key);
        }
        return "Invalid TOML syntax";
    }

    private static String unexpected(Matcher m) {
        String found = m.group(1).startsWith("end of") ? m.group(1) : "text";
        String expected = m.group(2);
        StringBuilder text = new StringBuilder("Unexpected ").append(found);
        if (isGrammar(expected)) {
            text.append(", expected ").append(expected);
        }
        if (m.group(3) != null) {
            text.append("; the ").append(m.group(3)).append(" opened at line ").append(m.group(4))
                    .append(", column ").append(m.group(5)).append(" is unclosed");
        }
        return text.toString();
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
        String where = first.find() ? " (first defined at line " + first.group(1) + ", column "
                + first.group(2) + ")" : "";
        String problem = switch (m.group(2)) {
            case "is not a table" -> "is not a table and cannot hold keys";
            case "is not an array" -> "is not an array of tables";
            case "is an inline table" -> "is an inline table and cannot be extended";
            default -> "is defined twice";
        };
        return "Key " + m.group(1) + " " + problem + where;
    }
}
