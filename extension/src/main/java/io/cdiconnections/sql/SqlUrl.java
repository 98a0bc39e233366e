package io.cdiconnections.sql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a SQLAlchemy URL, {@code dialect[+driver]://user:pass@host:port/database?k=v},
 * parsed as SQLAlchemy's {@code make_url} does: user name and password percent-decoded, query
 * values form-decoded, an IPv6 host in brackets. Fields are null when absent.
 *
 * @param dialect  the dialect name as written, such as {@code postgresql}
 * @param driver   the driver after {@code +}, such as {@code psycopg2}
 * @param username the user name
 * @param password the password; never print it
 * @param host     the host, without brackets
 * @param port     the port
 * @param database the database (for file dialects, the path)
 * @param query    the query parameters, in order
 */
record SqlUrl(String dialect, String driver, String username, String password, String host, Integer port,
              String database, Map<String, String> query) {

    // SQLAlchemy's own pattern (sqlalchemy/engine/url.py, _parse_url)
    private static final Pattern URL = Pattern.compile(
            "(?<name>[\\w+.-]+)://"
            + "(?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?"
            + "(?:(?:\\[(?<ipv6host>[^/?]+)]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
            + "(?:/(?<database>[^?]*))?"
            + "(?:\\?(?<query>.*))?",
            Pattern.DOTALL);

    SqlUrl {
        query = Map.copyOf(query);
    }

    /**
     * @param text a SQLAlchemy URL
     * @return its parts, or empty when it is not one
     */
    static Optional<SqlUrl> parse(String text) {
        Matcher m = URL.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group("name");
        int plus = name.indexOf('+');
        String dialect = plus < 0 ? name : name.substring(0, plus);
        String driver = plus < 0 ? null : name.substring(plus + 1);
        Integer port = null;
        String portText = m.group("port");
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.valueOf(portText);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String host = m.group("ipv6host") != null ? m.group("ipv6host") : m.group("ipv4host");
        if (m.group("username") != null && (atIn(host) || atIn(m.group("port")) || atIn(m.group("database")))) {
            return Optional.empty(); // user:pa@ss@host: the rest of the password would be taken for the host, and printed
        }
        return Optional.of(new SqlUrl(dialect, driver, decode(m.group("username"), false),
                decode(m.group("password"), false), emptyToNull(host), port,
                emptyToNull(m.group("database")), parseQuery(m.group("query"))));
    }

    private static boolean atIn(String part) {
        return part != null && part.indexOf('@') >= 0;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            result.put(key, value);
        }
        return result;
    }

    private static String decode(String text, boolean form) {
        if (text == null) {
            return null;
        }
        // user info is percent-encoded, where '+' is a plain plus; query values are form-encoded
        String t = form ? text : text.replace("+", "%2B");
        try {
            return URLDecoder.decode(t, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** @return the parts without the password; never the password itself */
    @Override
    public String toString() {
        return "SqlUrl[" + dialect + (driver == null ? "" : "+" + driver) + "://"
                + (username == null ? "" : username + (password == null ? "" : ":****") + "@")
                + (host == null ? "" : host) + (port == null ? "" : ":" + port)
                + (database == null ? "" : "/" + database) + (query.isEmpty() ? "" : "?" + query.keySet()) + "]";
    }
}
