package io.cdiconnections.snowflake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdiconnections.ConnectionConfigException;

/**
 * SnowSQL's configuration file, {@code ~/.snowsql/config}, read by the rules Streamlit's Snowpark
 * connection applies (Python's {@code configparser} with {@code inline_comment_prefixes="#"}):
 * the section {@code [connections.<name>]} if there is one, else {@code [connections]}; keys
 * lower-cased with every {@code name} removed from them ({@code accountname} is {@code account},
 * {@code username} is {@code user}, {@code dbname} is {@code db}); values stripped of double
 * quotes; {@code db} renamed {@code database}.
 *
 * <p>Of {@code configparser} itself: {@code key = value} or {@code key: value}; whole-line
 * comments with {@code #} or {@code ;}; inline comments with {@code #} after white space;
 * indented lines continue the previous value; {@code [DEFAULT]} values show in every section;
 * {@code %%} stands for {@code %} and {@code %(key)s} for another key's value; a section or key
 * given twice is an error.
 */
final class SnowsqlConfig {

    private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
    private static final Pattern INTERPOLATION = Pattern.compile("%\\((\\w+)\\)s|%%");
    private static final String DEFAULT = "DEFAULT";

    private SnowsqlConfig() {
    }

    /**
     * @param env the environment
     * @return {@code ~/.snowsql/config}
     */
    static Path location(SnowflakeEnvironment env) {
        return env.home().resolve(".snowsql").resolve("config");
    }

    /**
     * @param connection the connection name: {@code [connections.<name>]} is preferred
     * @param env        the environment
     * @return the connection parameters the file gives, empty when there is no file or no section
     * @throws ConnectionConfigException naming the file and line when the file cannot be parsed
     */
    static Map<String, String> load(String connection, SnowflakeEnvironment env) {
        Path file = location(env);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        SnowflakeFiles.checkSize(connection, file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SnowflakeFiles.unreadable(connection, file, e);
        }
        Map<String, Map<String, String>> sections = parse(lines, problem ->
                new ConnectionConfigException(SnowflakeMessages.snowflakeBadFile(connection, file.toString(), problem)));
        Map<String, String> raw = sections.get("connections." + connection);
        if (raw == null) {
            raw = sections.get("connections");
        }
        if (raw == null) {
            return Map.of();
        }
        Map<String, String> defaults = sections.getOrDefault(DEFAULT, Map.of());
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(raw);
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : merged.entrySet()) {
            String value = interpolate(e.getValue(), merged, 0);
            params.put(e.getKey().replace("name", ""), strip(value, '"'));
        }
        String db = params.remove("db");
        if (db != null) {
            params.put("database", db);
        }
        return params;
    }

    /** How a parse error becomes an exception; the text never quotes the file. */
    interface Problem {
        RuntimeException at(String problem);
    }

    /**
     * @param lines   the file's lines
     * @param problem makes the exception for a line that cannot be parsed
     * @return the sections in file order, each with its lower-cased keys and raw values
     */
    static Map<String, Map<String, String>> parse(List<String> lines, Problem problem) {
        Parser parser = new Parser(problem);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            parser.line(n + 1, n == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line);
        }
        return parser.sections;
    }

    /** configparser's reading of one file, line by line. */
    private static final class Parser {
        private final Problem problem;
        private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        private Map<String, String> current;
        private String lastKey;
        /** The indentation of the last key line; continuation lines are indented deeper. */
        private int lastIndent = -1;

        Parser(Problem problem) {
            this.problem = problem;
        }

        void line(int number, String line) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                return;
            }
            String content = removeInlineComment(line).strip();
            int indent = line.length() - line.stripLeading().length();
            if (content.isEmpty()) {
                lastKey = null; // an empty line ends a value here (configparser would keep it inside one)
            } else if (lastKey != null && indent > lastIndent) {
                current.merge(lastKey, content, (a, b) -> a + "\n" + b);
            } else if (SECTION.matcher(content).matches()) {
                section(number, content.substring(1, content.length() - 1));
            } else {
                pair(number, content, indent);
            }
        }

        private void section(int number, String name) {
            if (sections.containsKey(name)) {
                throw problem.at("the section [" + name + "] appears twice (line " + number + ")");
            }
            current = new LinkedHashMap<>();
            sections.put(name, current);
            lastKey = null;
        }

        private void pair(int number, String content, int indent) {
            if (current == null) {
                throw problem.at("line " + number + " comes before any [section] header");
            }
            int eq = firstDelimiter(content);
            if (eq <= 0) {
                throw problem.at("line " + number + " is neither a [section], a key = value pair nor a comment");
            }
            String key = content.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                throw problem.at("the key '" + key + "' appears twice in one section (line " + number + ")");
            }
            current.put(key, content.substring(eq + 1).strip());
            lastKey = key;
            lastIndent = indent;
        }
    }

    private static int firstDelimiter(String s) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** configparser's inline comments: a {@code #} at the start or after white space. */
    private static String removeInlineComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String interpolate(String value, Map<String, String> section, int depth) {
        if (value.indexOf('%') < 0 || depth > 10) {
            return value;
        }
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "%";
            } else {
                String ref = section.get(m.group(1).toLowerCase(Locale.ROOT));
                replacement = ref == null ? m.group() : interpolate(ref, section, depth + 1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Python's {@code str.strip(c)}: every leading and trailing {@code c}. */
    private static String strip(String s, char c) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == c) {
            start++;
        }
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }
}
