package io.cdiconnections.tck;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of one {@code [connections.<name>]} section of secrets.toml, as a connection type's
 * contract test supplies it: either TOML text or a map.
 *
 * <pre>{@code
 * Section.toml("""
 *         host = "127.0.0.1"
 *         port = 6379
 *         """);
 * Section.of(Map.of("host", "127.0.0.1", "port", 6379));
 * }</pre>
 *
 * <p>The body holds keys only, no table header, and no {@code type} key: the contract writes the
 * header and adds {@code type} where a test needs it. A nested table is written inline
 * ({@code query = { charset = "utf8" }}) or, in a map, as a nested map.
 */
public final class Section {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final String toml;

    private Section(String toml) {
        this.toml = toml;
    }

    /**
     * @param body the keys of the section as TOML, one {@code key = value} a line
     * @return the section
     */
    public static Section toml(String body) {
        String b = Objects.requireNonNull(body, "body").strip();
        return new Section(b.isEmpty() ? "" : b + "\n");
    }

    /**
     * @param keys the keys and values: strings, numbers, booleans, lists of them, and maps for
     *             nested tables
     * @return the section
     */
    public static Section of(Map<String, ?> keys) {
        StringBuilder sb = new StringBuilder();
        new LinkedHashMap<>(keys).forEach((k, v) -> sb.append(key(k)).append(" = ").append(value(v)).append('\n'));
        return new Section(sb.toString());
    }

    /** @return the body as TOML, ending with a newline unless empty */
    public String toToml() {
        return toml;
    }

    /** @return the TOML body; a secrets section, so keep it out of logs */
    @Override
    public String toString() {
        return "Section[" + toml.lines().count() + " lines]";
    }

    private static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : string(k);
    }

    private static String value(Object v) {
        if (v instanceof CharSequence s) {
            return string(s.toString());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{ ");
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                sb.append(key(String.valueOf(e.getKey()))).append(" = ").append(value(e.getValue()));
                sb.append(it.hasNext() ? ", " : " ");
            }
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
                sb.append(value(it.next())).append(it.hasNext() ? ", " : "");
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("A secrets value must be a string, number, boolean, list or map, not "
                + (v == null ? "null" : v.getClass().getName()));
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
