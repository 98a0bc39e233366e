package io.cdiconnections.config;

/**
 * Spells a key the way a TOML file does, for messages that must name the key the user wrote:
 * bare when TOML allows it, else quoted with escapes, so that {@code hosts[0]} (an element) and
 * {@code "hosts[0]"} (a quoted key) read differently.
 */
final class TomlKeys {

    private TomlKeys() {
    }

    /** One key segment as TOML writes it. */
    static String segment(String name) {
        if (!name.isEmpty() && name.chars().allMatch(TomlKeys::isBare)) {
            return name;
        }
        StringBuilder quoted = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isBare(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
