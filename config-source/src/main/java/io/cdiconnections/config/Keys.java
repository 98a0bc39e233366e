package io.cdiconnections.config;

/**
 * How flattened keys are spelt: dotted segments, a segment holding a dot (or nothing) in double
 * quotes as SmallRye Config reads it, array elements as {@code key[i]}.
 */
final class Keys {

    private Keys() {
    }

    /** The key of {@code segment} below {@code parent}; a null parent means the root. */
    static String child(String parent, String segment) {
        String quoted = segment.isEmpty() || segment.indexOf('.') >= 0 ? '"' + segment + '"' : segment;
        return parent == null ? quoted : parent + '.' + quoted;
    }

    /** The key of element {@code index} of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + '[' + index + ']';
    }

    /** Whether {@code key} is {@code prefix} itself or a key inside the table or array there. */
    static boolean isAtOrBelow(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        if (key.length() == prefix.length()) {
            return true;
        }
        char next = key.charAt(prefix.length());
        return next == '.' || next == '[';
    }
}
