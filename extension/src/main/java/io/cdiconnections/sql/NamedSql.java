package io.cdiconnections.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.cdiconnections.internal.Messages;

/**
 * SQL with SQLAlchemy {@code text()}-style {@code :name} parameters, turned into JDBC {@code ?}
 * placeholders: values are bound, never spliced into the text. A colon inside quotes,
 * identifiers, comments or dollar-quoted strings, a {@code ::} cast, or one that follows a word
 * character ({@code 10:30}, {@code a[1:2]}) is left alone; {@code \:name} stands for a literal
 * {@code :name}. A collection value expands to {@code (?, ?, ?)}, for {@code IN :ids}.
 */
final class NamedSql {

    /**
     * Parsed statements by text: an application runs the same few hundred statements again and
     * again, and parsing one costs more than reading a small result (docs/performance.md, row 3).
     * Holds only strings, so it is safely shared by every deployment that sees this class.
     */
    private static final Cache<String, NamedSql> PARSED = Caffeine.newBuilder().maximumSize(2_000).build();
    /** Longer statements are generated rather than written, and are not worth keeping. */
    private static final int CACHED_LENGTH = 8_192;

    private final String sql;
    /** Text pieces and parameter names, alternating: text, name, text, name, ..., text. */
    private final List<String> pieces;
    private final Set<String> names;
    /** The bound form of a statement without parameters: the same for every call. */
    private final Bound unparameterized;

    private NamedSql(String sql, List<String> pieces) {
        this.sql = sql;
        this.pieces = List.copyOf(pieces);
        Set<String> n = new LinkedHashSet<>();
        for (int i = 1; i < pieces.size(); i += 2) {
            n.add(pieces.get(i));
        }
        this.names = Collections.unmodifiableSet(n);
        this.unparameterized = n.isEmpty() ? new Bound(pieces.get(0), List.of()) : null;
    }

    /** JDBC SQL with its values in order. */
    record Bound(String sql, List<Object> values) {
    }

    /**
     * @param sql SQL text with {@code :name} parameters
     * @return the parsed statement
     */
    static NamedSql parse(String sql) {
        if (sql.length() > CACHED_LENGTH) {
            return parseNow(sql);
        }
        NamedSql parsed = PARSED.getIfPresent(sql);
        if (parsed == null) {
            parsed = parseNow(sql);
            PARSED.put(sql, parsed);
        }
        return parsed;
    }

    private static NamedSql parseNow(String sql) {
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                text.append(sql, i, skip);
                i = skip;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                text.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameChar(sql.charAt(i + 1)) && (i == 0 || !isNameChar(sql.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && isNameChar(sql.charAt(end))) {
                    end++;
                }
                pieces.add(text.toString());
                pieces.add(sql.substring(i + 1, end));
                text.setLength(0);
                i = end;
            } else {
                text.append(c);
                i++;
            }
        }
        pieces.add(text.toString());
        return new NamedSql(sql, pieces);
    }

    /** @return the parameter names, in order of first use */
    Set<String> names() {
        return names;
    }

    /** @return the SQL as written */
    String sql() {
        return sql;
    }

    /**
     * @param connection the connection name, for messages
     * @param params     the values by name
     * @return JDBC SQL and its values
     * @throws QueryException naming a parameter without a value, or a value without a parameter
     */
    Bound bind(String connection, Map<String, ?> params) {
        for (String name : names) {
            if (!params.containsKey(name)) {
                throw new QueryException(Messages.sqlMissingParameter(connection, name, params.keySet()));
            }
        }
        for (String given : params.keySet()) {
            if (!names.contains(given)) {
                throw new QueryException(Messages.sqlExtraParameter(connection, given, names));
            }
        }
        if (unparameterized != null) {
            return unparameterized;
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> values = new ArrayList<>();
        out.append(pieces.get(0));
        for (int i = 1; i < pieces.size(); i += 2) {
            String name = pieces.get(i);
            Object value = params.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    throw new QueryException(Messages.sqlEmptyCollection(connection, name));
                }
                out.append('(');
                boolean first = true;
                for (Object v : many) {
                    out.append(first ? "?" : ", ?");
                    first = false;
                    values.add(v);
                }
                out.append(')');
            } else {
                out.append('?');
                values.add(value);
            }
            out.append(pieces.get(i + 1));
        }
        return new Bound(out.toString(), values);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** @return the index after a quoted string, identifier or comment starting at {@code i}, or {@code i} */
    private static int skipQuotedOrComment(String s, int i) {
        char c = s.charAt(i);
        int n = s.length();
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < n) {
                if (s.charAt(j) == c) {
                    if (j + 1 < n && s.charAt(j + 1) == c) { // doubled quote
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return n;
        }
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        if (c == '$' && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
            return skipDollarQuoted(s, i);
        }
        return i;
    }

    /** PostgreSQL's {@code $$...$$} and {@code $tag$...$tag$}; {@code $1} is not one. */
    private static int skipDollarQuoted(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == '_' || Character.isLetter(s.charAt(j))
                || j > i + 1 && Character.isDigit(s.charAt(j)))) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '$') {
            return i;
        }
        String tag = s.substring(i, j + 1);
        int end = s.indexOf(tag, j + 1);
        return end < 0 ? s.length() : end + tag.length();
    }

    @Override
    public String toString() {
        return sql;
    }
}
