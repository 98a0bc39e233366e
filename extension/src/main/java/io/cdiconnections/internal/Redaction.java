package io.cdiconnections.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps secret values out of messages, the one path every text that may quote a secret or name a
 * URL goes through. Two kinds of secret are masked with {@code ****}: what a URL holds in a secret
 * place ({@link #urlSecrets}: the password of {@code scheme://user:password@}, Oracle's
 * {@code user/password@}, a {@code key=value} parameter whose key looks secret), and the known
 * secret values of a connection where they stand as values: after {@code =} or {@code password:},
 * in quotes (SQL literals, JSON fields, driver messages), and, for a value that cannot be mistaken
 * for a word (eight characters or more, not all letters), everywhere. Otherwise a value inside a
 * longer word is not the secret, so a one-letter password does not garble every message, nor a
 * password that is a word of the message ({@code connect}) the message. Replacement is positional,
 * never a regex replacement string, so {@code $} and {@code \} in values are plain characters.
 */
public final class Redaction {

    /** What a secret value is replaced with. */
    public static final String MASK = "****";

    /** Matched against a key's last segment, lower case, without {@code _}, {@code -} or {@code .}. */
    private static final String[] SECRET_WORDS = {
        "password", "passwd", "pwd", "secret", "token", "passphrase", "privatekey", "credential", "apikey",
        "accesskey", "passcode", "jwt"
    };
    /** The longest message kept: a longer one (a driver quoting a huge value) is cut after its secrets are masked. */
    static final int LONGEST_MESSAGE = 16 * 1024;
    // Every scan below is linear in the text, whatever it holds: a driver's message may quote a value
    // a request chose, and a pattern that scans from each of many starts to the end of the text
    // (";a={;a={..." or "://a:://a:...") costs the square of its length.
    /** {@code ://user:}: the password after it runs to the next {@code @}, found by {@link #urlSecrets}. */
    private static final Pattern USER_HEAD = Pattern.compile("://[^:/@?#\\[\\]\\s'\"]{0,1024}:");
    /** Oracle's {@code jdbc:oracle:thin:user/password@host}; an Oracle password has at most 1,024 bytes. */
    private static final Pattern ORACLE_LOGON = Pattern.compile(
            "(?i)jdbc:oracle:[a-z0-9]+:([^/@:\\s'\"]{1,1024})/(\"[^\"]{0,1024}\"|[^@\\s'\"]{0,1024})@");
    /** {@code key=} after {@code ?}, {@code &} or {@code ;}; the value's end is found by {@link #paramEnd}. */
    private static final Pattern PARAM_KEY = Pattern.compile("([?&;])\\s*([\\w.-]{1,1024})\\s*=\\s*");
    /** {@code key=value} in MySQL's {@code (host=h,password=p)} and {@code address=(host=h)(password=p)}. */
    private static final Pattern HOST_PARAM = Pattern.compile("[(,]\\s*([\\w.-]{1,1024})\\s*=\\s*([^,()\\s\"]*)");
    /** A value at least this long, with a character that is not a letter, is masked wherever it appears. */
    private static final int UNMISTAKABLE_LENGTH = 8;
    private static final byte[] FINGERPRINT_KEY = new SecureRandom().generateSeed(32);

    private Redaction() {
    }

    /**
     * @param key a flattened key
     * @return whether its value is treated as a secret: its last segment names a password, secret,
     *         token, passphrase, passcode (Snowflake's MFA code), JWT, credential or key
     *         ({@code sslpassword}, {@code keyStorePassword},
     *         {@code client_secret}, {@code access_token}, {@code private_key_passphrase}, {@code api_key})
     */
    public static boolean isSecretKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replaceAll("[_-]", "");
        for (String word : SECRET_WORDS) {
            if (last.contains(word)) {
                return true;
            }
        }
        return last.endsWith("key");
    }

    /**
     * Where a text holds a secret in a URL's secret places: the password of
     * {@code scheme://user:password@}, of Oracle's {@code user/password@}, and the value of a
     * {@code ?key=}, {@code &key=}, {@code ;key=} or MySQL {@code (key=} parameter whose key
     * {@link #isSecretKey looks secret}.
     *
     * @param text a URL, or a message naming one
     * @return the spans of the secret values, {@code [start, end)}, in no particular order
     */
    public static List<int[]> urlSecrets(String text) {
        List<int[]> spans = new ArrayList<>();
        if (text.indexOf('@') < 0 && text.indexOf('=') < 0) {
            return spans; // the common case, an option or message without a URL: no pattern to run
        }
        int stop = -1; // the first @, space or quote at or after the last password's start: it only moves on
        for (Matcher m = USER_HEAD.matcher(text); m.find(); ) {
            int start = m.end();
            if (stop < start) {
                stop = indexOfAny(text, start, "@'\"", true);
            }
            if (stop < text.length() && text.charAt(stop) == '@' && !portAndPath(text, start, stop)) {
                spans.add(new int[] {start, stop});
            }
        }
        for (Matcher m = ORACLE_LOGON.matcher(text); m.find(); ) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        Matcher key = PARAM_KEY.matcher(text);
        for (int from = 0; from < text.length() && key.find(from); ) {
            if (!isSecretKey(key.group(2))) {
                from = key.end();
                continue;
            }
            int end = paramEnd(text, key.end(), key.group(1).charAt(0));
            if (end > key.end()) {
                spans.add(new int[] {key.end(), end});
            }
            from = Math.max(end, key.end());
        }
        for (Matcher m = HOST_PARAM.matcher(text); m.find(); ) {
            if (isSecretKey(m.group(1)) && m.end(2) > m.start(2)) {
                spans.add(new int[] {m.start(2), m.end(2)});
            }
        }
        return spans;
    }

    /**
     * Where a parameter's value ends: a braced value (SQL Server's {@code {...}}, {@code }}} inside
     * standing for one {@code }}) after its closing brace, or at the text's end when it never
     * closes; else at the next space or {@code "}, or separator: {@code ;} after {@code ;}, {@code &}
     * after {@code ?} or {@code &} (so a value holding {@code ;} or {@code #} is masked whole: more,
     * never less, than a driver takes).
     */
    private static int paramEnd(String text, int start, char separator) {
        if (start < text.length() && text.charAt(start) == '{') {
            return bracedEnd(text, start);
        }
        return indexOfAny(text, start, separator == ';' ? ";\"" : "&\"", true);
    }

    /**
     * @param text  a URL, or a text naming one
     * @param start where a braced value (SQL Server's {@code {...}}) begins, at its {@code {}
     * @return where it ends: after its closing {@code }} ({@code }}} inside standing for one
     *         {@code }}), or at the text's end when it never closes
     */
    public static int bracedEnd(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '}') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return text.length();
    }

    /** @return the first index at or after {@code from} of one of the characters, or of whitespace if asked; else the length */
    private static int indexOfAny(String text, int from, String chars, boolean whitespace) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (chars.indexOf(c) >= 0 || whitespace && Character.isWhitespace(c)) {
                return i;
            }
        }
        return text.length();
    }

    /** @return whether the text between is a port followed by a path ({@code 5432/db}), not a password */
    private static boolean portAndPath(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 5 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < end && text.charAt(i) == '/';
    }

    /**
     * @param url a URL, or a text naming one
     * @return it with the values in its secret places ({@link #urlSecrets}) replaced by {@link #MASK}
     */
    public static String url(String url) {
        return url == null ? null : mask(url, urlSecrets(url));
    }

    /**
     * @param values the flattened keys and values of a connection
     * @return the secret values among them (values of secret keys, and what their URLs hold in
     *         secret places, as written and decoded), longest first
     */
    public static List<String> secretValues(Map<String, String> values) {
        Set<String> secrets = new LinkedHashSet<>();
        values.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                return;
            }
            if (isSecretKey(k)) {
                secrets.add(v);
            }
            for (int[] span : urlSecrets(v)) {
                String s = v.substring(span[0], span[1]);
                secrets.add(s);
                secrets.add(decode(s, false));
                secrets.add(decode(s, true));
            }
        });
        secrets.remove("");
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /**
     * @param text   a text that may quote a secret or name a URL
     * @param values the connection's keys and values
     * @return the text with each secret value, where it stands as a value, and each URL's secret
     *         places replaced by {@link #MASK}
     */
    public static String redact(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        List<int[]> spans = spans(text, values);
        if (text.length() <= LONGEST_MESSAGE) {
            return mask(text, spans);
        }
        // cut after the secrets are found in the whole text, so that one across the cut is masked too
        spans.removeIf(span -> span[0] >= LONGEST_MESSAGE);
        spans.forEach(span -> span[1] = Math.min(span[1], LONGEST_MESSAGE));
        return mask(text.substring(0, LONGEST_MESSAGE), spans) + " [... " + (text.length() - LONGEST_MESSAGE)
                + " more characters left out]";
    }

    /** @return the spans of the text's URL secrets and of the connection's secret values where they stand as values */
    private static List<int[]> spans(String text, Map<String, String> values) {
        List<int[]> spans = urlSecrets(text);
        for (String secret : secretValues(values)) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                if (standsAsValue(text, at, secret)) {
                    spans.add(new int[] {at, at + secret.length()});
                }
            }
        }
        return spans;
    }

    /**
     * A stand-in for a secret value in an identifier (a CDI qualifier, a bean id): equal values give
     * equal stand-ins within this JVM, and the value cannot be recovered or guessed from it (an
     * HMAC with a key drawn at startup).
     *
     * @param key   the option's key
     * @param value its value
     * @return the value itself when neither the key nor a URL in it is secret, otherwise a stand-in
     */
    public static String identifying(String key, String value) {
        if (!isSecretKey(key) && urlSecrets(value).isEmpty()) {
            return value;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FINGERPRINT_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return MASK + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /**
     * Returns the exception as it is when no message in its chain quotes a secret; otherwise a
     * copy of the chain whose messages are redacted (class names and stack traces kept).
     *
     * @param error  the exception
     * @param values the connection's keys and values
     * @return an exception safe to log
     */
    public static Throwable scrub(Throwable error, Map<String, String> values) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (!spans(String.valueOf(t.getMessage()), values).isEmpty()) {
                return copy(error, values, 0);
            }
        }
        return error;
    }

    /**
     * Whether an occurrence of a secret is the secret: a value no word could be, the whole text, or
     * not part of a longer word and after {@code =} or a secret key's {@code :}, or in quotes.
     */
    private static boolean standsAsValue(String text, int at, String secret) {
        int end = at + secret.length();
        if (at == 0 && end == text.length() || unmistakable(secret)) {
            return true;
        }
        char before = at > 0 ? text.charAt(at - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        if (Character.isLetterOrDigit(before) && Character.isLetterOrDigit(secret.charAt(0))
                || Character.isLetterOrDigit(after) && Character.isLetterOrDigit(secret.charAt(secret.length() - 1))) {
            return false;
        }
        if (before == '\'' || before == '"' || before == '`') {
            return true;
        }
        int j = at - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        // key=value, key = value, and password: value; not "Exception: word" or host:port
        if (j >= 0 && (text.charAt(j) == '=' || text.charAt(j) == ':' && isSecretKey(wordBefore(text, j)))) {
            return true;
        }
        return false;
    }

    /** A value no word of a message could be: masked wherever it appears, even inside a longer run of characters. */
    private static boolean unmistakable(String secret) {
        return secret.length() >= UNMISTAKABLE_LENGTH && !secret.chars().allMatch(Character::isLetter);
    }

    /** @return the word ending before {@code at}, past spaces and a closing quote ({@code "token": }) */
    private static String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '"')) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || "_-.".indexOf(text.charAt(start - 1)) >= 0)) {
            start--;
        }
        return text.substring(start, end);
    }

    /** Replaces the spans, merged where they overlap, by the mask: positionally, no regex replacement. */
    private static String mask(String text, List<int[]> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]));
        StringBuilder sb = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : spans) {
            if (span[1] <= copied) {
                continue;
            }
            if (span[0] >= copied) {
                sb.append(text, copied, span[0]).append(MASK);
            }
            copied = span[1];
        }
        return sb.append(text, copied, text.length()).toString();
    }

    /**
     * @param value a percent-encoded value
     * @param form  whether {@code +} is a space (a query value) rather than a plus (user info)
     * @return it decoded, or as it is when it is not percent-encoded after all
     */
    public static String decode(String value, boolean form) {
        try {
            return URLDecoder.decode(form ? value : value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Throwable copy(Throwable error, Map<String, String> values, int depth) {
        Throwable cause = error.getCause() == null || depth > 20 ? null : copy(error.getCause(), values, depth + 1);
        RedactedException copy = new RedactedException(
                error.getClass().getName() + ": " + redact(String.valueOf(error.getMessage()), values), cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message quoted a secret. */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
