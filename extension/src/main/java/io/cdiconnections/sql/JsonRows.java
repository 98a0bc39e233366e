package io.cdiconnections.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.cdiconnections.json.JsonValues;

/**
 * The JSON shape of a {@link Table} and its {@link Row}s: an array of objects, keys the column
 * names in column order, a repeated name written once with its first value; each value as
 * {@link JsonValues#writeValue} writes it.
 */
final class JsonRows {

    private JsonRows() {
    }

    static void writeTable(Table table, JsonValues.Sink out) {
        String[] keys = keys(table.columns());
        out.startArray();
        for (Object[] values : table.data()) {
            writeRow(keys, values, out);
        }
        out.endArray();
    }

    static void writeRow(Row row, List<Column> columns, JsonValues.Sink out) {
        writeRow(keys(columns), row.raw(), out);
    }

    private static void writeRow(String[] keys, Object[] values, JsonValues.Sink out) {
        out.startObject();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                out.key(keys[i]);
                JsonValues.writeValue(values[i], out);
            }
        }
        out.endObject();
    }

    /** @return each column's key, null for a name an earlier column has */
    private static String[] keys(List<Column> columns) {
        String[] keys = new String[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            String name = columns.get(i).name();
            keys[i] = seen.add(name) ? name : null;
        }
        return keys;
    }
}
