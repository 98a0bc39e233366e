package io.cdiconnections.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Turns a parsed TOML document into MicroProfile Config keys and values (the table is in
 * docs/config-source.md): tables become dotted keys, arrays a comma-separated list and indexed
 * keys, every scalar a string that the standard MicroProfile converters read back.
 */
final class TomlFlattener {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> leaves = new HashSet<>();

    private TomlFlattener() {
    }

    static Flattened flatten(TomlTable document) {
        TomlFlattener flattener = new TomlFlattener();
        flattener.table(null, document);
        return new Flattened(flattener.values, flattener.leaves);
    }

    private void table(String prefix, TomlTable table) {
        // entrySet, not get(String): get would parse a quoted key such as "my.db" as a dotted path
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            value(Keys.child(prefix, entry.getKey()), entry.getValue(), true);
        }
    }

    private void value(String key, Object value, boolean leaf) {
        if (value instanceof TomlTable table) {
            table(key, table);
            return;
        }
        if (leaf) {
            leaves.add(key);
        }
        if (value instanceof TomlArray array) {
            for (int i = 0; i < array.size(); i++) {
                value(Keys.element(key, i), array.get(i), false);
            }
            list(array).ifPresent(list -> values.put(key, list));
        } else {
            values.put(key, scalar(value));
        }
    }

    /**
     * The MicroProfile list form of an array: elements joined by commas, each escaped so that
     * SmallRye Config splits it back exactly. Arrays holding a table have none; their elements
     * are only reachable by index.
     */
    private static Optional<String> list(TomlArray array) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            Object element = array.get(i);
            Optional<String> text = element instanceof TomlArray nested ? list(nested)
                    : element instanceof TomlTable ? Optional.empty()
                    : Optional.of(scalar(element));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (i > 0) {
                list.append(',');
            }
            escape(text.get(), list);
        }
        return Optional.of(list.toString());
    }

    private static void escape(String element, StringBuilder list) {
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == ',' || c == '\\') {
                list.append('\\');
            }
            list.append(c);
        }
    }

    /** Numbers and dates in the form Java's own parsers (and so MP Config converters) accept. */
    static String scalar(Object value) {
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        // String, Long (decimal whatever the TOML base), Double (Infinity, -Infinity, NaN), Boolean
        return String.valueOf(value);
    }
}
