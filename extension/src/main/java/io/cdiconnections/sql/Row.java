package io.cdiconnections.sql;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdiconnections.json.JsonValues;
import io.cdiconnections.json.JsonWritable;


/**
 * One row of a {@link Table}. Columns are found by position (from 0) or by name; a name is
 * matched exactly first, then ignoring case (H2 and Oracle spell unquoted names in capitals).
 *
 * <pre>{@code
 * for (Row row : sql.query("select id, name from pets")) {
 *     long id = row.get("id", Long.class);
 *     String name = (String) row.get("name");
 * }
 * }</pre>
 */
// Both annotations are ignored by the JVM where their library is absent: no hard dependency.
@jakarta.json.bind.annotation.JsonbTypeSerializer(io.cdiconnections.json.RowJsonbSerializer.class)
@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = io.cdiconnections.json.jackson.RowJacksonSerializer.class)
public final class Row implements JsonWritable {

    private final Table table;
    private final Object[] values;

    Row(Table table, Object[] values) {
        this.table = table;
        this.values = values;
    }

    /**
     * @param column the column's position, from 0
     * @return its value, possibly null
     */
    public Object get(int column) {
        return values[column];
    }

    /**
     * @param column the column's name
     * @return its value, possibly null
     * @throws IllegalArgumentException naming the columns there are, when none is called that
     */
    public Object get(String column) {
        return values[table.indexOf(column)];
    }

    /**
     * The value converted to {@code type}: numbers between numeric types, {@code java.sql} times
     * to {@code java.time}, text to enums and UUIDs, anything to {@code String}.
     *
     * <pre>{@code
     * LocalDate born = row.get("born", LocalDate.class);
     * }</pre>
     *
     * @param column the column's name
     * @param type   the type wanted
     * @param <T>    the type wanted
     * @return the value, or null when it is SQL NULL
     * @throws QueryException when the value does not convert
     */
    public <T> T get(String column, Class<T> type) {
        int i = table.indexOf(column);
        Object v = values[i];
        if (v == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T converted = (T) Values.convert(v, type).orElseThrow(() -> new QueryException(
                SqlMessages.sqlCannotConvert(table.columns().get(i).name(), Values.typeOf(v), type.getName())));
        return converted;
    }

    /** @return the columns of the table this row belongs to */
    public List<Column> columns() {
        return table.columns();
    }

    /** @return the values in column order, unmodifiable */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** @return column names to values, in column order */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(table.columns().get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    Object[] raw() {
        return values;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /**
     * Writes this row as a JSON object, column names to values: what the JSON-B and Jackson
     * serializers named on this class call.
     *
     * @param out where to write
     */
    @Override
    public void writeJson(JsonValues.Sink out) {
        JsonRows.writeRow(this, columns(), out);
    }
}
