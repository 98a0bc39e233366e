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


/**
 * SQL with SQLAlchemy {@code text()}-style {@code :name} parameters, turned into JDBC {@code ?}
 * placeholders: values are bound, never spliced into the text. A colon inside quotes,
 * identifiers, comments or dollar-quoted strings, a {@code ::} cast, one that follows a word
 * character ({@code 10:30}, {@code a[1:2]}) or one before a digit ({@code arr[:2]}) is left alone;
 * {@code \:name} stands for a literal {@code :name}. A collection value expands to
 * {@code (?, ?, ?)}, for {@code IN :ids}.
 *
 * <p>Strings and comments are read as the database reads them ({@link Syntax}): MySQL and
 * MariaDB escape with a backslash inside strings and start comments with {@code #};
 * PostgreSQL nests block comments and escapes with a backslash in {@code E'...'} strings. A
 * string, identifier or comment that never ends, given parameters to bind, is an error: the
 * parameters after it would be lost.
 */
final class NamedSql {

    /** How a database reads strings and comments, as far as finding parameters goes. */
    enum Syntax {
        /** SQL's own: doubled quotes only, {@code --} and unnested block comments, dollar quoting (H2). */
        STANDARD,
        /** MySQL and MariaDB: backslash escapes in strings, {@code #} and {@code -- } comments. */
        MYSQL,
        /** PostgreSQL: {@code E'...'} backslash escapes, nested block comments, dollar quoting. */
        POSTGRESQL,
        /** Snowflake: backslash escapes in strings, {@code //} line comments, dollar quoting. */
        SNOWFLAKE;

        /**
         * @param dialect the dialect, or null
         * @param jdbcUrl the JDBC URL, for a dialect we do not know by name
         * @return how that database reads strings and comments
         */
        static Syntax of(Dialect dialect, String jdbcUrl) {
            Dialect d = dialect != null ? dialect : Dialect.ofJdbcUrl(jdbcUrl == null ? "" : jdbcUrl).orElse(null);
            if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
                return MYSQL;
            }
            if (d == Dialect.POSTGRESQL) {
                return POSTGRESQL;
            }
            String url = jdbcUrl == null ? "" : jdbcUrl;
            if (url.startsWith("jdbc:h2:") && url.toUpperCase(java.util.Locale.ROOT).contains("MODE=MYSQL")) {
                return MYSQL;
            }
            return STANDARD;
        }
    }

    /**
     * Parsed statements by text: an application runs the same few hundred statements again and
     * again, and parsing one costs more than reading a small result (docs/performance.md, row 3).
     * Holds only strings, so it is safely shared by every deployment that sees this class.
     */
    private static final Cache<Parse, NamedSql> PARSED = Caffeine.newBuilder().maximumSize(2_000).build();
    /** Longer statements are generated rather than written, and are not worth keeping. */
    private static final int CACHED_LENGTH = 8_192;

    private final String sql;
    /** What never ends (an unterminated string, identifier or comment) and where, or null. */
    private final String unterminated;
    /** Text pieces and parameter names, alternating: text, name, text, name, ..., text. */
    private final List<String> pieces;
    private final Set<String> names;
    /** The bound form of a statement without parameters: the same for every call. */
    private final Bound unparameterized;

    private NamedSql(String sql, List<String> pieces, String unterminated) {
        this.sql = sql;
        this.unterminated = unterminated;
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

    /** The key of a parsed statement: the same text reads differently in two dialects. */
    private record Parse(String sql, Syntax syntax) {
    }

    /**
     * @param sql SQL text with {@code :name} parameters
     * @return the statement parsed with SQL's standard syntax
     */
    static NamedSql parse(String sql) {
        return parse(sql, Syntax.STANDARD);
    }

    /**
     * @param sql    SQL text with {@code :name} parameters
     * @param syntax how the database reads strings and comments
     * @return the parsed statement
     */
    static NamedSql parse(String sql, Syntax syntax) {
        if (sql.length() > CACHED_LENGTH) {
            return parseNow(sql, syntax);
        }
        Parse key = new Parse(sql, syntax);
        NamedSql parsed = PARSED.getIfPresent(key);
        if (parsed == null) {
            parsed = parseNow(sql, syntax);
            PARSED.put(key, parsed);
        }
        return parsed;
    }

    private static NamedSql parseNow(String sql, Syntax syntax) {
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String unterminated = null;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skip = skipQuotedOrComment(sql, i, syntax);
            if (skip < 0) {
                unterminated = describe(sql, i, syntax);
                text.append(sql, i, n);
                break;
            }
            if (skip > i) {
                text.append(sql, i, skip);
                i = skip;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                text.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1)) && (i == 0 || !isNameChar(sql.charAt(i - 1)))) {
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
        return new NamedSql(sql, pieces, unterminated);
    }

    /** @return what starts at {@code i} and never ends, for the message */
    private static String describe(String sql, int i, Syntax syntax) {
        char c = sql.charAt(i);
        String what = switch (c) {
            case '\'' -> "string";
            case '"' -> syntax == Syntax.MYSQL ? "string" : "quoted identifier";
            case '`' -> "quoted identifier";
            case '$' -> "dollar-quoted string";
            case 'E', 'e' -> "string";
            default -> "comment";
        };
        return "an unterminated " + what + " starting at character " + (i + 1);
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
        if (unterminated != null && !params.isEmpty()) {
            throw new QueryException(SqlMessages.sqlUnterminated(connection, unterminated, params.keySet()));
        }
        for (String name : names) {
            if (!params.containsKey(name)) {
                throw new QueryException(SqlMessages.sqlMissingParameter(connection, name, params.keySet()));
            }
        }
        for (String given : params.keySet()) {
            if (!names.contains(given)) {
                throw new QueryException(SqlMessages.sqlExtraParameter(connection, given, names));
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
                    throw new QueryException(SqlMessages.sqlEmptyCollection(connection, name));
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

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    /**
     * @return the index after a quoted string, identifier or comment starting at {@code i}, or
     *         {@code i} when none starts there, or -1 when one starts there and never ends
     */
    private static int skipQuotedOrComment(String s, int i, Syntax syntax) {
        char c = s.charAt(i);
        int n = s.length();
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        if (c == '\'' || c == '"' || c == '`') {
            boolean backslash = c != '`' && (syntax == Syntax.MYSQL || syntax == Syntax.SNOWFLAKE && c == '\'');
            return skipQuoted(s, i + 1, c, backslash);
        }
        if (c == '/' && next == '/' && syntax == Syntax.SNOWFLAKE) {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (syntax == Syntax.POSTGRESQL && (c == 'E' || c == 'e') && next == '\''
                && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
            return skipQuoted(s, i + 2, '\'', true);
        }
        if (c == '-' && next == '-') {
            if (syntax == Syntax.MYSQL && i + 2 < n && !Character.isWhitespace(s.charAt(i + 2))
                    && !Character.isISOControl(s.charAt(i + 2))) {
                return i; // MySQL: "--" starts a comment only before a space; "--1" is minus minus one
            }
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '#' && syntax == Syntax.MYSQL) {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '/' && next == '*') {
            return syntax == Syntax.POSTGRESQL ? skipNestedComment(s, i) : endOf(s, s.indexOf("*/", i + 2), 2);
        }
        if (c == '$' && syntax != Syntax.MYSQL && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
            return skipDollarQuoted(s, i);
        }
        return i;
    }

    /** @return the index after the closing quote (doubled quotes and, if asked, backslashes escape), or -1 */
    private static int skipQuoted(String s, int from, char quote, boolean backslash) {
        int n = s.length();
        for (int j = from; j < n; j++) {
            char ch = s.charAt(j);
            if (backslash && ch == '\\') {
                j++; // the next character is escaped, whatever it is
            } else if (ch == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j++;
                } else {
                    return j + 1;
                }
            }
        }
        return -1;
    }

    /** PostgreSQL's block comments nest: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private static int skipNestedComment(String s, int i) {
        int depth = 0;
        int n = s.length();
        for (int j = i; j + 1 < n; j++) {
            if (s.charAt(j) == '/' && s.charAt(j + 1) == '*') {
                depth++;
                j++;
            } else if (s.charAt(j) == '*' && s.charAt(j + 1) == '/') {
                depth--;
                j++;
                if (depth == 0) {
                    return j + 1;
                }
            }
        }
        return -1;
    }

    private static int endOf(String s, int found, int length) {
        return found < 0 ? -1 : found + length;
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
        return endOf(s, s.indexOf(tag, j + 1), tag.length());
    }

    @Override
    public String toString() {
        return sql;
    }
}
