package io.cdiconnections.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Turns a parsed TOML document into MicroProfile Config keys and values (the table is in
 * docs/config-source.md): tables become dotted keys, arrays a comma-separated list and indexed
 * keys, every scalar a string that the standard MicroProfile converters read back.
 */
final class TomlFlattener {

    private final String file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> leaves = new HashSet<>();
    /** For each flattened key, the TOML key it came from as the file spells it, for messages. */
    private final Map<String, String> tomlKeys = new HashMap<>();

    private TomlFlattener(String file) {
        this.file = file;
    }

    /**
     * Flattens a parsed document.
     *
     * @param file how messages name the file
     * @throws SecretsException when two TOML keys become one config key ({@code hosts = ["a"]}
     *                          and {@code "hosts[0]" = "b"}), or a key lands inside another's
     *                          value: one would silently hide the other
     */
    static Flattened flatten(TomlTable document, String file) {
        TomlFlattener flattener = new TomlFlattener(file);
        flattener.table(null, null, document);
        flattener.rejectKeysInsideValues();
        return new Flattened(flattener.values, flattener.leaves);
    }

    private void table(String prefix, String tomlPrefix, TomlTable table) {
        // entrySet, not get(String): get would parse a quoted key such as "my.db" as a dotted path
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            String segment = TomlKeys.segment(entry.getKey());
            value(Keys.child(prefix, entry.getKey()), tomlPrefix == null ? segment : tomlPrefix + '.' + segment,
                    entry.getValue(), true);
        }
    }

    private void value(String key, String tomlKey, Object value, boolean leaf) {
        if (value instanceof TomlTable table) {
            table(key, tomlKey, table);
            return;
        }
        if (leaf) {
            leaves.add(key);
        }
        if (value instanceof TomlArray array) {
            for (int i = 0; i < array.size(); i++) {
                value(Keys.element(key, i), Keys.element(tomlKey, i), array.get(i), false);
            }
            list(array).ifPresent(list -> put(key, tomlKey, list));
        } else {
            put(key, tomlKey, scalar(value));
        }
    }

    private void put(String key, String tomlKey, String value) {
        String earlier = tomlKeys.putIfAbsent(key, tomlKey);
        if (earlier != null) {
            throw new SecretsException(Messages.collision(file, earlier, tomlKey, key), file, 0, 0);
        }
        values.put(key, value);
    }

    /**
     * A key below another key's value ({@code a = [1]} with {@code "a[0]" = { b = 1 }}) is as
     * ambiguous as a duplicate: readers of {@code a} and of {@code a[0].b} see different files.
     */
    private void rejectKeysInsideValues() {
        // each key against the keys below it, found as ranges of a sorted copy: the work is the pairs
        // found, not a prefix made at every . and [ of every key
        NavigableMap<String, String> sorted = new TreeMap<>(tomlKeys);
        for (Map.Entry<String, String> outer : sorted.entrySet()) {
            if (outer.getKey().chars().filter(c -> c == '"').count() % 2 != 0) {
                continue; // what follows it in a longer key is inside quotes: part of a name, not below it
            }
            for (NavigableMap<String, String> below : Keys.below(sorted, outer.getKey())) {
                for (Map.Entry<String, String> inner : below.entrySet()) {
                    if (!Keys.isAtOrBelow(inner.getValue(), outer.getValue())) {
                        throw new SecretsException(Messages.nestedCollision(file, outer.getValue(), inner.getValue(),
                                inner.getKey()), file, 0, 0);
                    }
                }
            }
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
