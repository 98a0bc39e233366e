package io.cdiconnections.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of messages: finds the values of secret-looking keys (and the
 * password inside a URL) and replaces them with {@code ****}, in texts and in exception chains.
 */
public final class Redaction {

    /** What a secret value is replaced with. */
    public static final String MASK = "****";

    private static final String[] SECRET_WORDS = {
        "password", "passwd", "pwd", "secret", "token", "passphrase", "private_key", "privatekey",
        "credential", "api_key", "apikey", "access_key"
    };
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^:/@\\s]*:([^@\\s]+)@");

    private Redaction() {
    }

    /**
     * @param key a flattened key
     * @return whether its value is treated as a secret
     */
    public static boolean isSecretKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (last.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param values the flattened keys and values of a connection
     * @return the secret values among them, longest first
     */
    public static List<String> secretValues(Map<String, String> values) {
        List<String> secrets = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                return;
            }
            if (isSecretKey(k)) {
                secrets.add(v);
            }
            Matcher m = URL_PASSWORD.matcher(v);
            while (m.find()) {
                String pw = m.group(1);
                secrets.add(pw);
                secrets.add(java.net.URLDecoder.decode(pw, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    /**
     * @param text   a text that may quote a secret
     * @param values the connection's keys and values
     * @return the text with every secret value replaced by {@link #MASK}
     */
    public static String redact(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secretValues(values)) {
            result = result.replace(secret, MASK);
        }
        return URL_PASSWORD.matcher(result).replaceAll(m -> m.group().replace(m.group(1), MASK));
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
        List<String> secrets = secretValues(values);
        if (!leaks(error, secrets)) {
            return error;
        }
        return copy(error, values, 0);
    }

    private static boolean leaks(Throwable error, List<String> secrets) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : secrets) {
                if (message.contains(secret)) {
                    return true;
                }
            }
            if (URL_PASSWORD.matcher(message).find()) {
                return true;
            }
        }
        return false;
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
