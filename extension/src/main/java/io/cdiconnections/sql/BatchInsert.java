package io.cdiconnections.sql;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Many rows into one table with one prepared {@code insert} and JDBC batches: what
 * {@link SQLConnection#insert} and {@link Transaction#insert} run, on a connection whose
 * transaction the caller commits or rolls back.
 *
 * <p>Names. The table may be {@code schema.table} (a dot always separates parts); a part in
 * lower case (letters, digits, underscores) means the name as created without quotes, so it is
 * written the way the database stores such names (upper case on H2 and Oracle), any other part
 * exactly as given, as SQLAlchemy does for pandas' {@code to_sql}. Each name of the rows is
 * matched to a column of the table (read with {@code select * ... where 1=0}): exactly, else
 * ignoring case, else ignoring case and underscores, as {@link RowMapper} reads. Every
 * identifier of the statement is quoted for the dialect ({@link Dialect#quote}) and is a name the
 * table reported, never text of the rows.
 */
final class BatchInsert {

    /** Rows sent in one {@code executeBatch}, unless the caller says otherwise. */
    static final int DEFAULT_BATCH_SIZE = 1000;
    private static final Pattern CASE_INSENSITIVE = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's "Batch entry 500 insert into ... was aborted". */
    private static final Pattern BATCH_ENTRY = Pattern.compile("^Batch entry (\\d+) ");

    private BatchInsert() {
    }

    /**
     * Checks the arguments without touching the database.
     *
     * @return the parts of the table name
     * @throws IllegalArgumentException naming the connection and what to change
     */
    static List<String> check(String connection, String table, InsertRows rows, int batchSize) {
        if (table == null || table.isBlank() || table.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(SqlMessages.sqlInsertBadTable(connection, String.valueOf(table)));
        }
        List<String> parts = Arrays.asList(table.split("\\.", -1));
        if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(SqlMessages.sqlInsertBadTable(connection, table));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(SqlMessages.sqlInsertBatchSize(connection, table, batchSize));
        }
        for (String name : rows.names()) {
            if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertBadColumn(connection, table,
                        String.valueOf(name).replace('\0', '?')));
            }
        }
        return parts;
    }

    /**
     * Inserts every row in the connection's current transaction; does not commit.
     *
     * @param c          a connection with auto-commit off
     * @param connection the connection name, for messages
     * @param dialect    the dialect, or null when unknown
     * @param failures   the connection's exceptions
     * @param table      the table as the caller wrote it, checked by {@link #check}
     * @param rows       the rows, not empty
     * @param batchSize  rows per {@code executeBatch}
     * @return the number of rows inserted
     * @throws QueryException when the table has no column for a name or a batch fails, naming the
     *                        table and the row where the driver says which
     */
    static int run(Connection c, String connection, Dialect dialect, Failures failures, String table, InsertRows rows,
            int batchSize) {
        String target;
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try {
            target = qualified(c.getMetaData(), dialect, table);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + target + " where 1=0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnName(i));
                    types.add(md.getColumnType(i));
                }
            }
        } catch (SQLException e) {
            throw failures.forInsert(e, table, SqlMessages.sqlInsertBeforeRows());
        }
        int[] source = new int[rows.names().size()]; // the table column of each name, -1 for a getter left out
        List<String> used = new ArrayList<>();
        List<Integer> usedTypes = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < source.length; i++) {
            String name = rows.names().get(i);
            int col = match(columns, name);
            if (col < 0 && !rows.optional()[i]) {
                throw new QueryException(SqlMessages.sqlInsertNoColumn(connection, table, name, columns));
            }
            if (col >= 0 && used.contains(columns.get(col))) {
                throw new QueryException(SqlMessages.sqlInsertSameColumn(connection, table, name, columns.get(col)));
            }
            if (col >= 0) {
                used.add(columns.get(col));
                usedTypes.add(nullType(types.get(col)));
                from.add(i);
            }
        }
        if (used.isEmpty()) {
            throw new QueryException(SqlMessages.sqlInsertNoColumn(connection, table, String.join(", ", rows.names()),
                    columns));
        }
        String sql = "insert into " + target + " ("
                + used.stream().map(n -> Dialect.quote(dialect, n)).collect(Collectors.joining(", "))
                + ") values (" + String.join(", ", java.util.Collections.nCopies(used.size(), "?")) + ")";
        return batches(c, failures, table, sql, rows.values(), from.stream().mapToInt(Integer::intValue).toArray(),
                usedTypes.stream().mapToInt(Integer::intValue).toArray(), batchSize);
    }

    private static int batches(Connection c, Failures failures, String table, String sql, List<Object[]> rows,
            int[] from, int[] nullTypes, int batchSize) {
        int inserted = 0;
        int start = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int r = 0; r < rows.size(); r++) {
                Object[] values = rows.get(r);
                for (int k = 0; k < from.length; k++) {
                    Object v = Values.toJdbc(values[from[k]]);
                    if (v == null) {
                        ps.setNull(k + 1, nullTypes[k]);
                    } else {
                        ps.setObject(k + 1, v);
                    }
                }
                ps.addBatch();
                if (r - start + 1 == batchSize || r == rows.size() - 1) {
                    inserted += count(ps.executeBatch());
                    start = r + 1;
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw failures.forInsert(e, table, where(e, start, Math.min(rows.size(), start + batchSize) - 1));
        }
    }

    /**
     * @return the row that failed when the driver says which (PostgreSQL names the batch entry; H2
     *         marks it alone among successes; a driver that stopped early returns fewer counts),
     *         else the rows of the batch
     */
    private static String where(SQLException e, int first, int last) {
        java.util.regex.Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (entry.find()) {
            return SqlMessages.sqlInsertAtRow(first + Integer.parseInt(entry.group(1)), first, last);
        }
        int[] counts = e instanceof BatchUpdateException b && b.getUpdateCounts() != null ? b.getUpdateCounts() : null;
        if (counts != null && Arrays.stream(counts).anyMatch(c -> c != Statement.EXECUTE_FAILED)) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return SqlMessages.sqlInsertAtRow(first + i, first, last);
                }
            }
            if (counts.length < last - first + 1) {
                return SqlMessages.sqlInsertAtRow(first + counts.length, first, last);
            }
        }
        return SqlMessages.sqlInsertInBatch(first, last);
    }

    private static int count(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c >= 0 ? c : c == Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return n;
    }

    /** @return the table's name with each part quoted, a lower-case part as the database stores unquoted names */
    private static String qualified(DatabaseMetaData md, Dialect dialect, String table) throws SQLException {
        boolean upper = md.storesUpperCaseIdentifiers();
        List<String> out = new ArrayList<>();
        for (String part : table.split("\\.", -1)) {
            String stored = upper && CASE_INSENSITIVE.matcher(part).matches() ? part.toUpperCase(Locale.ROOT) : part;
            out.add(Dialect.quote(dialect, stored));
        }
        return String.join(".", out);
    }

    /** @return the column for a name: exactly, else ignoring case, else ignoring case and underscores; -1 if none */
    private static int match(List<String> columns, String name) {
        int i = columns.indexOf(name);
        for (int pass = 0; i < 0 && pass < 2; pass++) {
            String wanted = pass == 0 ? name.toLowerCase(Locale.ROOT) : RowMapper.normalize(name);
            for (int k = 0; k < columns.size() && i < 0; k++) {
                String col = pass == 0 ? columns.get(k).toLowerCase(Locale.ROOT) : RowMapper.normalize(columns.get(k));
                i = col.equals(wanted) ? k : -1;
            }
        }
        return i;
    }

    /** @return the type to give {@code setNull}: the column's when it is a plain SQL type, else {@code NULL} */
    private static int nullType(int type) {
        boolean plain = type >= Types.BIT && type <= Types.TIMESTAMP && type != Types.NULL && type != Types.OTHER
                || type == Types.NVARCHAR || type == Types.NCHAR || type == Types.LONGNVARCHAR;
        return plain ? type : Types.NULL;
    }
}
