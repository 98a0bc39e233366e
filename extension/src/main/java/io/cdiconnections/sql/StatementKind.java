package io.cdiconnections.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a statement known to be a read, which {@link SQLConnection#query} may run again after a
 * lost connection, from every other, which it must never run twice. Conservative by design: a
 * read that looks like a write is only not retried; a write must never look like a read. So the
 * first word is read past comments and parentheses, but the words that make a statement a write
 * are looked for in the whole text, comments, string literals and any second statement included.
 */
final class StatementKind {

    private static final Set<String> READS = Set.of("select", "values", "table", "show", "describe", "desc", "explain");
    /** Words that make a SELECT or WITH a write (or a SELECT ... INTO a table or file). */
    private static final Pattern WRITE_WORDS = Pattern.compile("\\b(insert|update|delete|merge|into|upsert)\\b");
    /** A locking read: its UPDATE is not a write. */
    private static final Pattern LOCKING = Pattern.compile("\\bfor\\s+(no\\s+key\\s+)?update\\b");
    private static final Pattern FIRST_WORD = Pattern.compile("^([a-z]+)");
    private static final Pattern EXPLAIN_ANALYZE = Pattern.compile("^explain\\s*(\\([^)]*\\banaly[sz]e\\b|analy[sz]e\\b)");

    private StatementKind() {
    }

    /**
     * @param sql a statement as the caller wrote it
     * @return whether it is known to be a read
     */
    static boolean isRead(String sql) {
        String start = withoutComments(sql).toLowerCase(Locale.ROOT).replaceFirst("^[\\s(]+", "");
        Matcher first = FIRST_WORD.matcher(start);
        if (!first.find() || !(READS.contains(first.group(1)) || first.group(1).equals("with"))) {
            return false;
        }
        if (start.startsWith("explain") && EXPLAIN_ANALYZE.matcher(start).find()) {
            return false; // runs the statement it explains
        }
        // the whole text, comments and strings included: a second statement after a ';' counts too
        String all = LOCKING.matcher(sql.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return !WRITE_WORDS.matcher(all).find();
    }

    /**
     * The text without {@code --} and {@code #} line comments and {@code /* *}{@code /} block
     * comments (nested ones too), each replaced by a space: only to find the first word.
     */
    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '/' && next == '*') {
                depth++;
                i++;
            } else if (depth > 0 && c == '*' && next == '/') {
                depth--;
                i++;
                out.append(' ');
            } else if (depth > 0) {
                continue;
            } else if ((c == '-' && next == '-') || c == '#') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
