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
        out.startArray();
        List<Column> columns = table.columns();
        boolean[] first = firstOccurrences(columns);
        for (Row row : table) {
            writeRow(columns, first, row, out);
        }
        out.endArray();
    }

    static void writeRow(Row row, List<Column> columns, JsonValues.Sink out) {
        writeRow(columns, firstOccurrences(columns), row, out);
    }

    private static void writeRow(List<Column> columns, boolean[] first, Row row, JsonValues.Sink out) {
        out.startObject();
        for (int i = 0; i < columns.size(); i++) {
            if (first[i]) {
                out.key(columns.get(i).name());
                JsonValues.writeValue(row.get(i), out);
            }
        }
        out.endObject();
    }

    private static boolean[] firstOccurrences(List<Column> columns) {
        boolean[] first = new boolean[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.length; i++) {
            first[i] = seen.add(columns.get(i).name());
        }
        return first;
    }
}
