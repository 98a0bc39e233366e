package io.cdiconnections.internal.otel;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement's span shows of it: {@code db.query.text}, the statement as written with
 * every string and number literal replaced by {@code ?} ({@code :name} placeholders stay, values
 * are bound and never in the text), and {@code db.operation.name}, its first keyword when it is
 * one of a fixed set (so it can be a metric attribute without raising the number of series).
 * Both are remembered for the first statements seen, as an application runs the same ones.
 */
final class QueryText {

    /** The first keywords we name; anything else has no {@code db.operation.name}. */
    private static final Set<String> OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
            "WITH", "VALUES", "CALL", "EXEC", "EXECUTE", "SHOW", "DESCRIBE", "EXPLAIN", "CREATE", "DROP", "ALTER",
            "TRUNCATE", "GRANT", "REVOKE", "COPY", "REPLACE", "SET", "USE", "BEGIN", "COMMIT", "ROLLBACK", "PUT", "GET",
            "LIST", "REMOVE");
    /**
     * Quoted identifiers (kept), then string literals ('it''s', with backslash escapes too),
     * dollar-quoted strings, and numbers not part of a name (replaced).
     */
    private static final Pattern LITERALS = Pattern.compile(
            "\"(?:[^\"]|\"\")*\"|'(?:[^'\\\\]|''|\\\\.)*'?|\\$\\$.*?\\$\\$"
            + "|(?<![\\w.:$])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b",
            Pattern.DOTALL);
    private static final Pattern LEADING = Pattern.compile("^(?:\\s+|\\(|--[^\\n]*\\n?|/\\*.*?\\*/)*", Pattern.DOTALL);
    private static final int REMEMBERED = 1_000;

    /** @param text the sanitized text; @param operation the first keyword, or null */
    record Parsed(String text, String operation) {
    }

    private final Map<String, Parsed> seen = new ConcurrentHashMap<>();

    Parsed parse(String sql) {
        Parsed p = seen.get(sql);
        if (p == null) {
            p = new Parsed(sanitize(sql), operation(sql));
            if (seen.size() < REMEMBERED) {
                seen.put(sql, p);
            }
        }
        return p;
    }

    static String sanitize(String sql) {
        return LITERALS.matcher(sql).replaceAll(m -> m.group().startsWith("\"")
                ? Matcher.quoteReplacement(m.group()) : "?");
    }

    static String operation(String sql) {
        String rest = LEADING.matcher(sql).replaceFirst("");
        int end = 0;
        while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
            end++;
        }
        String word = rest.substring(0, end).toUpperCase(Locale.ROOT);
        return OPERATIONS.contains(word) ? word : null;
    }
}
