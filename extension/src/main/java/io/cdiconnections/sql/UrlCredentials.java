package io.cdiconnections.sql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.internal.Redaction;

/**
 * A JDBC URL with its credentials taken out: the user and password of {@code //user:password@}
 * (and Oracle's {@code user/password@}), and every parameter whose key looks secret
 * ({@code ?password=}, {@code &sslpassword=}, {@code ;password=}, MySQL's {@code (password=...)}).
 * They go to the driver as properties instead, since HikariCP logs the URL at DEBUG and drivers
 * at FINE (PostgreSQL's "Connecting with URL"), and messages name it.
 *
 * @param url        the URL without them
 * @param user       the user of the user info, or null
 * @param password   the password (decoded), or null; never print it
 * @param properties the other secret parameters by key, decoded; never print their values
 */
record UrlCredentials(String url, String user, String password, Map<String, String> properties) {

    /** The user info after {@code jdbc:<subprotocol>://}; the rules are {@link Redaction#urlSecrets}'s. */
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[^/\\s]*//)([^:/@?#\\[\\]\\s]*)(?::([^@\\s]*))?@");
    private static final Pattern PORT_AND_PATH = Pattern.compile("\\d{1,5}/.*", Pattern.DOTALL);
    private static final Pattern ORACLE_LOGON = Pattern.compile("(?i)^(jdbc:oracle:[a-z0-9]+:)([^/@:\\s]+)/(\"[^\"]*\"|[^@\\s]*)@");
    /** A parameter's key; where its value ends is {@link #valueEnd}'s. */
    private static final Pattern PARAM = Pattern.compile("([?&;])([\\w.-]+)=");
    /** What starts another parameter after a {@code ;}. */
    private static final Pattern NEXT_KEY = Pattern.compile("[\\w.-]+=");
    private static final Pattern HOST_PARAM = Pattern.compile("([(,])\\s*([\\w.-]+)\\s*=\\s*([^,()]*)");

    UrlCredentials {
        properties = Map.copyOf(properties);
    }

    /**
     * @param jdbcUrl    a JDBC URL as the user wrote it
     * @param connection the connection's name, for the message
     * @return the URL without credentials, and the credentials
     * @throws ConnectionConfigException when a {@code user:password@} part is followed by another
     *                                   {@code @} before the host: an unencoded {@code @} in the
     *                                   password, whose rest would stay in the URL
     */
    static UrlCredentials of(String jdbcUrl, String connection) {
        String url = jdbcUrl;
        String user = null;
        String password = null;
        Matcher m = USER_INFO.matcher(url);
        Matcher oracle = ORACLE_LOGON.matcher(url);
        if (m.find() && (m.group(3) == null || !PORT_AND_PATH.matcher(m.group(3)).matches())) {
            if (authority(url.substring(m.end())).indexOf('@') >= 0) {
                throw new ConnectionConfigException(SqlConfigMessages.sqlJdbcUrlTwoAts(connection));
            }
            user = emptyToNull(Redaction.decode(m.group(2), false));
            password = m.group(3) == null ? null : Redaction.decode(m.group(3), false);
            url = m.group(1) + url.substring(m.end());
        } else if (oracle.find()) {
            user = oracle.group(2);
            password = unquote(oracle.group(3));
            url = oracle.group(1) + "@" + url.substring(oracle.end());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        url = withoutParams(url, secrets);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mysql") || lower.startsWith("jdbc:mariadb")) {
            url = withoutHostParams(url, secrets);
        }
        for (String key : Map.copyOf(secrets).keySet()) {
            if (key.equalsIgnoreCase("password")) {
                password = secrets.remove(key);
            }
        }
        return new UrlCredentials(url, user, password, secrets);
    }

    /**
     * @return what follows the user info up to its parameters: the host, and a path, up to the
     *         first {@code ?}, {@code #} or {@code ;} (a password may hold {@code /}, so the path counts)
     */
    private static String authority(String rest) {
        int end = rest.length();
        for (char c : new char[] {'?', '#', ';'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    /** {@code ?key=}, {@code &key=}, {@code ;key=} with a secret-looking key, one at a time. */
    private static String withoutParams(String url, Map<String, String> secrets) {
        String rest = url;
        Matcher m = PARAM.matcher(rest);
        int from = 0;
        while (m.find(from)) {
            String separator = m.group(1);
            int end = valueEnd(rest, m.end(), separator);
            if (!Redaction.isSecretKey(m.group(2))) {
                from = end;
                continue;
            }
            String value = rest.substring(m.end(), end);
            secrets.put(m.group(2), value.startsWith("{") ? unbrace(value)
                    : separator.equals(";") ? value : Redaction.decode(value, true));
            String after = rest.substring(end);
            if (separator.equals("?") && (after.startsWith("&") || after.startsWith(";"))) {
                after = "?" + after.substring(1); // the next parameter comes first now
            }
            from = m.start();
            rest = rest.substring(0, from) + after;
            m = PARAM.matcher(rest);
        }
        return rest;
    }

    /**
     * @return where the value starting at {@code start} ends: after a braced value's closing
     *         {@code }} (SQL Server's, {@code }}} standing for one {@code }}, the text's end when it
     *         never closes); else at the next {@code ;} after a {@code ;} parameter; after a
     *         {@code ?} or {@code &} one, at the next {@code &}, or at a {@code ;} that starts
     *         another {@code key=} (Spanner's {@code ?credentials=/k.json;autocommit=false}), so a
     *         password holding {@code #} or a lone {@code ;} is taken out whole
     */
    private static int valueEnd(String text, int start, String separator) {
        if (start < text.length() && text.charAt(start) == '{') {
            return Redaction.bracedEnd(text, start);
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (separator.equals(";") ? c == ';'
                    : c == '&' || c == ';' && NEXT_KEY.matcher(text).region(i + 1, text.length()).lookingAt()) {
                return i;
            }
        }
        return text.length();
    }

    /** @return a braced value's text: without its braces, {@code }}} read as {@code }} */
    private static String unbrace(String value) {
        String inner = value.endsWith("}") && value.length() >= 2 ? value.substring(1, value.length() - 1) : value.substring(1);
        return inner.replace("}}", "}");
    }

    /** MySQL's {@code (host=h,password=p)} and {@code address=(host=h)(password=p)}. */
    private static String withoutHostParams(String url, Map<String, String> secrets) {
        String rest = url;
        for (Matcher m = HOST_PARAM.matcher(rest); m.find(); ) {
            if (!Redaction.isSecretKey(m.group(2))) {
                continue;
            }
            secrets.put(m.group(2), Redaction.decode(m.group(3).strip(), false));
            int start = m.start();
            int end = m.end();
            char next = end < rest.length() ? rest.charAt(end) : ')';
            if (m.group(1).equals("(") && next == ',') {
                start++;
                end++; // (password=p,host=h) keeps its parenthesis and loses the comma after the value
            } else if (m.group(1).equals("(")) {
                end++; // (password=p): the whole group goes
            }
            rest = rest.substring(0, start) + rest.substring(end);
            m = HOST_PARAM.matcher(rest);
        }
        return rest;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** @return the URL and the keys taken out, never a value */
    @Override
    public String toString() {
        return "UrlCredentials[" + url + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=" + Redaction.MASK) + ", " + properties.keySet() + "]";
    }
}
