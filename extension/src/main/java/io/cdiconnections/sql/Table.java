package io.cdiconnections.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.cdiconnections.json.JsonValues;
import io.cdiconnections.json.JsonWritable;


/**
 * The result of {@link SQLConnection#query(String)}: the columns, with their names and JDBC types,
 * and every row, read in full, so it stays usable after the database connection went back to
 * the pool. What Streamlit returns as a pandas DataFrame. Immutable and safe to share between
 * threads (a cached result is shared), as long as nobody changes a mutable value such as a
 * {@code byte[]} inside it.
 *
 * <pre>{@code
 * Table pets = sql.query("select name, owner_name from pets");
 * for (Row row : pets) { ... }
 * List<Pet> list = pets.as(Pet.class);              // record Pet(String name, String ownerName)
 * String first = (String) pets.get(0, "name");
 * }</pre>
 *
 * <p><b>JSON.</b> With JSON-B (Yasson, as Jakarta EE servers ship) and with Jackson, a table is an
 * array of objects, one per row: {@code [{"id":1,"name":"Rex","born":"2019-04-01"}]}. A JAX-RS
 * method can return it as it is. Timestamps are ISO-8601, decimals exact, SQL NULL is
 * {@code null}, binary is base64 (see {@link JsonValues}).
 */
// Both annotations are ignored by the JVM where their library is absent: no hard dependency.
@jakarta.json.bind.annotation.JsonbTypeSerializer(io.cdiconnections.json.TableJsonbSerializer.class)
@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = io.cdiconnections.json.jackson.TableJacksonSerializer.class)
public final class Table implements Iterable<Row>, JsonWritable {

    private final List<Column> columns;
    /** Each row's values, in column order. */
    private final Object[][] data;
    /**
     * The {@link Row}s, made all at once on the first call that hands one out: a result only
     * mapped ({@link #as}), written as JSON or cached never makes them (issue 16).
     */
    private volatile List<Row> rows;
    /** Guards the making of {@link #rows}: not the table itself, whose monitor anyone can hold. */
    private final Object rowsLock = new Object();
    /** Built on the first lookup by name: many results are only iterated or mapped by position. */
    private volatile ColumnIndex index;

    private Table(List<Column> columns, List<Object[]> data) {
        this.columns = List.copyOf(columns);
        this.data = data.toArray(new Object[0][]);
    }

    /**
     * What this table holds in memory, estimated from its values (strings by length, byte arrays
     * by size, other values by their usual object size): to bound the result cache by bytes.
     *
     * @return the estimated bytes
     */
    long estimatedBytes() {
        long bytes = 64 + 64L * columns.size();
        for (Object[] values : data) {
            bytes += 40 + 8L * values.length; // a Row and its array
            for (Object v : values) {
                bytes += Values.estimatedBytes(v);
            }
        }
        return bytes;
    }

    /**
     * Reads a result set to its end.
     *
     * @param rs the result set, positioned before its first row
     * @return the table
     * @throws SQLException when reading fails
     */
    static Table read(ResultSet rs) throws SQLException {
        return read(rs, false);
    }

    /**
     * Reads a result set to its end.
     *
     * @param rs     the result set, positioned before its first row
     * @param pgjdbc whether pgjdbc made it: its columns of common types are then read the fast
     *               way ({@link PgCells}), the values the same
     * @return the table
     * @throws SQLException when reading fails
     */
    static Table read(ResultSet rs, boolean pgjdbc) throws SQLException {
        List<Column> columns = columns(rs);
        int n = columns.size();
        PgCells cells = pgjdbc ? PgCells.of(columns) : null;
        List<Object[]> data = new ArrayList<>();
        while (rs.next()) {
            data.add(values(rs, cells, n));
        }
        return new Table(columns, data);
    }

    /**
     * @param rs    a result set on a row
     * @param cells how to read a pgjdbc result's values the fast way ({@link PgCells}), or null to
     *              read each by {@code getObject}
     * @param n     the number of columns
     * @return the values of the current row, detached from the driver
     * @throws SQLException when reading fails
     */
    static Object[] values(ResultSet rs, PgCells cells, int n) throws SQLException {
        Object[] values = new Object[n];
        if (cells == null) {
            for (int i = 0; i < n; i++) {
                values[i] = Values.detach(rs.getObject(i + 1));
            }
        } else {
            for (int i = 0; i < n; i++) {
                values[i] = cells.read(rs, i + 1);
            }
        }
        return values;
    }

    /** @return the columns of a result set */
    static List<Column> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
        }
        return columns;
    }

    /**
     * @param columns the columns
     * @param data    the rows' values, each in column order
     * @return a table of them; with no rows, the one column description the rows of a stream share
     */
    static Table of(List<Column> columns, List<Object[]> data) {
        return new Table(columns, data);
    }

    /** @return the columns, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** @return the rows, in order, unmodifiable; the same {@link Row} objects on every call */
    public List<Row> rows() {
        List<Row> r = rows;
        return r != null ? r : makeRows();
    }

    private List<Row> makeRows() {
        synchronized (rowsLock) {
            if (rows == null) {
                Row[] r = new Row[data.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = new Row(this, data[i]);
                }
                rows = Collections.unmodifiableList(Arrays.asList(r)); // no third copy of every row
            }
            return rows;
        }
    }

    /** @return each row's values, in column order: the table's own arrays, never to be changed */
    Object[][] data() {
        return data;
    }

    /** @return the number of rows */
    public int size() {
        return data.length;
    }

    /** @return whether there are no rows */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /**
     * @param row the row's position, from 0
     * @return the row
     */
    public Row row(int row) {
        return rows().get(row);
    }

    /**
     * <pre>{@code
     * long count = (Long) sql.query("select count(*) as n from pets").get(0, "n");
     * }</pre>
     *
     * @param row    the row's position, from 0
     * @param column the column's name, matched exactly, then ignoring case
     * @return the value, possibly null
     */
    public Object get(int row, String column) {
        Object[] values = data[row];
        return values[indexOf(column)];
    }

    /**
     * @param row    the row's position, from 0
     * @param column the column's position, from 0
     * @return the value, possibly null
     */
    public Object get(int row, int column) {
        return data[row][column];
    }

    /**
     * @param column the column's name
     * @return its values, top to bottom
     */
    public List<Object> column(String column) {
        int i = indexOf(column);
        return Arrays.stream(data).map(r -> r[i]).toList();
    }

    /**
     * The rows by the value of one column, in row order: pandas' {@code index_col}, for looking
     * rows up by key. Unlike a pandas index, keys are unique: a value that occurs in two rows, a
     * SQL NULL or a binary value (a {@code byte[]}, which is equal only to itself) is an error
     * naming the column and the rows, never the value. Keys are the driver's Java objects, so an
     * {@code int} column gives {@code Integer} keys and a {@code bigint} one {@code Long} keys; to
     * look up with a type of your choosing, use {@link #indexBy(String, Class)}.
     *
     * <pre>{@code
     * Map<Object, Row> pets = sql.query("select id, name from pets").indexBy("id");
     * String name = (String) pets.get(1).get("name");     // id is an int column: Integer keys
     * }</pre>
     *
     * @param column the column's name, matched exactly, then ignoring case
     * @return an unmodifiable map of the column's value to its row, iterating in row order
     * @throws IllegalArgumentException when there is no such column
     * @throws QueryException           when a key occurs twice, is NULL or is binary
     */
    public Map<Object, Row> indexBy(String column) {
        return indexBy(column, Object.class);
    }

    /**
     * The rows by the value of one column converted to {@code keyType}, in row order; values
     * convert as {@link Row#get(String, Class)} does, and the rules of {@link #indexBy(String)}
     * apply to the converted keys.
     *
     * <pre>{@code
     * Map<Long, Row> byId = sql.query("select id, name from pets").indexBy("id", Long.class);
     * Row rex = byId.get(1L);                              // whatever the column's SQL type
     * }</pre>
     *
     * @param column  the column's name, matched exactly, then ignoring case
     * @param keyType the type of the keys
     * @param <K>     the type of the keys
     * @return an unmodifiable map of the converted value to its row, iterating in row order
     * @throws IllegalArgumentException when there is no such column
     * @throws QueryException           when a value does not convert, or a key occurs twice, is NULL or is binary
     */
    public <K> Map<K, Row> indexBy(String column, Class<K> keyType) {
        String name = columns.get(indexOf(column)).name();
        List<Row> rows = rows();
        Map<K, Row> index = new LinkedHashMap<>(Math.max(16, rows.size() * 4 / 3 + 1));
        Map<K, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            K key = rows.get(i).get(name, keyType);
            if (key == null) {
                throw new QueryException(SqlMessages.sqlNullIndexKey(name, i));
            }
            if (key.getClass().isArray()) {
                throw new QueryException(SqlMessages.sqlArrayIndexKey(name));
            }
            Integer first = rowOf.putIfAbsent(key, i);
            if (first != null) {
                throw new QueryException(SqlMessages.sqlDuplicateIndexKey(name, first, i));
            }
            index.put(key, rows.get(i));
        }
        return Collections.unmodifiableMap(index);
    }

    /** @return the rows as maps of column name to value, ready for a JSON response */
    public List<Map<String, Object>> asMaps() {
        return rows().stream().map(Row::asMap).toList();
    }

    /**
     * Maps each row to {@code type}: a record (by its canonical constructor), a bean (through its
     * setters or fields), or, for a one-column result, a single value such as {@code String} or
     * {@code Long}. Columns match components by name, ignoring case and underscores
     * ({@code owner_name} fills {@code ownerName}); values convert as {@link Row#get(String, Class)}
     * does.
     *
     * <pre>{@code
     * record Pet(long id, String name, LocalDate born) {}
     * List<Pet> pets = sql.query("select id, name, born from pets").as(Pet.class);
     * List<String> names = sql.query("select name from pets").as(String.class);
     * }</pre>
     *
     * @param type the record, bean or value class
     * @param <T>  its type
     * @return one element per row, in order
     * @throws QueryException naming the component without a column or the value that does not convert
     */
    public <T> List<T> as(Class<T> type) {
        MappingPlan<T> plan = MappingPlan.of(type, columns); // checked for an empty table too
        if (data.length == 0) {
            return List.of(); // not a use of the plan: its own class is made with the classes of values seen
        }
        RowMapper<T> mapper = plan.rows();
        Object[] mapped = new Object[data.length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = mapper.map(data[i]);
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Collections.unmodifiableList(Arrays.asList(mapped));
        return list;
    }

    /** @return the rows, in order */
    @Override
    public Iterator<Row> iterator() {
        return rows().iterator();
    }

    /** @return a sequential stream of the rows */
    public Stream<Row> stream() {
        return rows().stream();
    }

    int indexOf(String column) {
        ColumnIndex ix = index;
        if (ix == null) {
            ix = new ColumnIndex(columns); // two threads may both build it: the same, and final fields
            index = ix;
        }
        Integer i = ix.exact.get(column);
        if (i == null) {
            i = ix.folded.get(column.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new IllegalArgumentException(SqlMessages.sqlNoSuchColumn(column, columnNames()));
        }
        return i;
    }

    /** Column positions by exact name and by lower-case name. */
    private static final class ColumnIndex {
        final Map<String, Integer> exact = new HashMap<>();
        final Map<String, Integer> folded = new HashMap<>();

        ColumnIndex(List<Column> columns) {
            for (int i = columns.size() - 1; i >= 0; i--) { // the first of two equal names wins
                exact.put(columns.get(i).name(), i);
                folded.put(columns.get(i).name().toLowerCase(Locale.ROOT), i);
            }
        }
    }

    /** @return the column names and the row count, not the values */
    @Override
    public String toString() {
        return "Table" + columnNames() + " (" + data.length + " row" + (data.length == 1 ? "" : "s") + ")";
    }

    /**
     * Writes this table as a JSON array of objects, one per row: what the JSON-B and Jackson
     * serializers named on this class call.
     *
     * @param out where to write
     */
    @Override
    public void writeJson(JsonValues.Sink out) {
        JsonRows.writeTable(this, out);
    }
}
