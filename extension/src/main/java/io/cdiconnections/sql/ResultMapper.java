package io.cdiconnections.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps rows straight from a {@code ResultSet} to a record, a bean or a single value, following
 * the same {@link MappingPlan} as {@link Table#as(Class)}, without a {@link Table}, its rows or
 * the driver's {@code getObject} objects (issue 16: pgjdbc makes a {@code java.sql.Timestamp}
 * through a {@code GregorianCalendar} for a {@code timestamp} that {@code as} only converts to a
 * {@code LocalDateTime}). A member whose column's JDBC type and own type agree is read with the
 * typed getter that gives the value {@code getObject} and the conversion would give: an
 * {@code INTEGER} into an {@code int} with {@code getInt}, a {@code TIMESTAMP} into a
 * {@code LocalDateTime} with {@code getObject(i, LocalDateTime.class)}; every other member, and
 * a value the typed getter refuses (a MySQL {@code INT UNSIGNED} above {@code int}'s range), is
 * read with {@code getObject} and converted by the plan. Nulls, errors and messages are the
 * plan's. The plan and the getters are chosen once per result.
 *
 * @param <T> the target type
 */
final class ResultMapper<T> {

    /** How a member's value is read from the result set (and, on pgjdbc, a {@link Table}'s: {@link PgCells}). */
    enum Read {
        OBJECT, INT, LONG, DOUBLE, FLOAT, BOOLEAN, STRING, DECIMAL, BYTES, LOCAL_DATE_TIME, LOCAL_DATE,
        OFFSET_DATE_TIME, UTC_DATE_TIME, INSTANT
    }

    private final MappingPlan<T> plan;
    private final Read[] reads;
    /** The JDBC position, from 1, of each member's column. */
    private final int[] columns;
    private final MappingPlan.Cells<ResultSet, SQLException> cells = this::cell;

    /**
     * @param plan    the mapping, made from the result set's columns
     * @param pgjdbc  whether the result set is pgjdbc's ({@link #pgjdbc(ResultSet)}): only there
     *                are {@code timestamp} and {@code date} read into {@code LocalDateTime} and
     *                {@code LocalDate} by the typed getter
     */
    ResultMapper(MappingPlan<T> plan, boolean pgjdbc) {
        this.plan = plan;
        int n = plan.size();
        reads = new Read[n];
        columns = new int[n];
        for (int m = 0; m < n; m++) {
            reads[m] = read(plan.columnOf(m), plan.boxed(m), pgjdbc);
            columns[m] = plan.column(m) + 1;
        }
    }

    /**
     * Reads a result set to its end, each row mapped.
     *
     * @param rs     the result set, before its first row
     * @param type   the record, bean or value class
     * @param pgjdbc whether the result set is pgjdbc's ({@link #pgjdbc(ResultSet)}, decided once per pool by {@link PoolDriver})
     * @param <T>    its type
     * @return the rows mapped, in order, unmodifiable
     * @throws SQLException   when reading fails
     * @throws QueryException as {@link Table#as(Class)} throws it, before any row is read when no
     *                        column fills a member
     */
    static <T> List<T> readAll(ResultSet rs, Class<T> type, boolean pgjdbc) throws SQLException {
        try {
            ResultMapper<T> mapper = new ResultMapper<>(MappingPlan.of(type, Table.columns(rs)), pgjdbc);
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return Collections.unmodifiableList(rows);
        } catch (RuntimeException e) {
            throw new Unmapped(e);
        }
    }

    /**
     * A row that does not map, as {@link Table#as(Class)} would say: the statement itself
     * succeeded, so its span must not say it failed. The reader unwraps it ({@link #mapping()}).
     */
    static final class Unmapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unmapped(RuntimeException mapping) {
            super(null, mapping, false, false);
        }

        /** @return the failure to throw, as {@code Table.as} throws it */
        RuntimeException mapping() {
            return (RuntimeException) getCause();
        }
    }

    /**
     * @param rs a result set
     * @return whether pgjdbc made it (seen through a pool's wrapper), whose typed date getters parse
     *         the value's text where its {@code getObject} goes through the JVM's time zone
     */
    static boolean pgjdbc(ResultSet rs) {
        try {
            return rs.unwrap(ResultSet.class).getClass().getName().startsWith("org.postgresql.");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param rs a result set on the row to map
     * @return the row mapped
     * @throws SQLException when reading fails
     */
    T map(ResultSet rs) throws SQLException {
        return plan.build(rs, cells);
    }

    private Object cell(ResultSet rs, int member) throws SQLException {
        int c = columns[member];
        Read read = reads[member];
        Exception refusedBy = null;
        if (read != Read.OBJECT) {
            try {
                Object v = typed(rs, c, read);
                return v == null ? plan.value(null, member) : v;
            } catch (SQLException | DateTimeException refused) {
                // a value out of the getter's range, or one it cannot read (PostgreSQL's infinity as an
                // OffsetDateTime): getObject and the plan's conversion decide, as for Table.as
                refusedBy = refused;
            }
        }
        try {
            return plan.value(Values.detach(rs.getObject(c)), member);
        } catch (SQLException | RuntimeException e) {
            if (refusedBy != null) {
                e.addSuppressed(refusedBy);
            }
            throw e;
        }
    }

    /**
     * @param rs   a result set on a row
     * @param c    the column, from 1
     * @param read a typed getter, not {@link Read#OBJECT}
     * @return the value it reads, null for SQL NULL
     * @throws SQLException when reading fails
     */
    static Object typed(ResultSet rs, int c, Read read) throws SQLException {
        return switch (read) {
            case INT -> {
                int v = rs.getInt(c);
                yield v == 0 && rs.wasNull() ? null : Integer.valueOf(v);
            }
            case LONG -> {
                long v = rs.getLong(c);
                yield v == 0 && rs.wasNull() ? null : Long.valueOf(v);
            }
            case DOUBLE -> {
                double v = rs.getDouble(c);
                yield v == 0 && rs.wasNull() ? null : Double.valueOf(v);
            }
            case FLOAT -> {
                float v = rs.getFloat(c);
                yield v == 0 && rs.wasNull() ? null : Float.valueOf(v);
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(c);
                yield !v && rs.wasNull() ? null : Boolean.valueOf(v);
            }
            case STRING -> rs.getString(c);
            case DECIMAL -> rs.getBigDecimal(c);
            case BYTES -> rs.getBytes(c);
            case LOCAL_DATE_TIME -> rs.getObject(c, LocalDateTime.class);
            case LOCAL_DATE -> rs.getObject(c, LocalDate.class);
            case OFFSET_DATE_TIME -> rs.getObject(c, OffsetDateTime.class);
            case UTC_DATE_TIME -> {
                OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
                yield v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case INSTANT -> {
                OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
                yield v == null ? null : v.toInstant();
            }
            case OBJECT -> throw new IllegalStateException("read with getObject");
        };
    }

    /**
     * The typed getter for a column and a member type, where it gives what {@code getObject} and
     * {@link Values#convert} give; else {@link Read#OBJECT}. A {@code float} column is not read
     * into a {@code double} ({@code getDouble} of a PostgreSQL {@code real} parses its text, while
     * {@code Float.doubleValue} widens the float), nor a {@code TIME} into a {@code LocalTime}
     * ({@code java.sql.Time} drops fractions of a second).
     */
    private static Read read(Column column, Class<?> type, boolean pgjdbc) {
        int sql = column.sqlType();
        // PostgreSQL's timestamptz is a TIMESTAMP to JDBC, read by getObject as an instant
        boolean pgTimestamptz = sql == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(column.typeName());
        boolean integral = sql == Types.INTEGER || sql == Types.SMALLINT || sql == Types.TINYINT;
        boolean withZone = sql == Types.TIMESTAMP_WITH_TIMEZONE || pgTimestamptz;
        if (type == Integer.class && integral) {
            return Read.INT;
        } else if (type == Long.class && (integral || sql == Types.BIGINT)) {
            return Read.LONG;
        } else if (type == Double.class && (sql == Types.DOUBLE || sql == Types.FLOAT)) {
            return Read.DOUBLE;
        } else if (type == Float.class && sql == Types.REAL) {
            return Read.FLOAT;
        } else if (type == Boolean.class && (sql == Types.BOOLEAN
                || sql == Types.BIT && "bool".equalsIgnoreCase(column.typeName()))) { // MariaDB's BIT(8) is BIT too
            return Read.BOOLEAN;
        } else if (type == String.class && (sql == Types.VARCHAR || sql == Types.CHAR || sql == Types.LONGVARCHAR
                || sql == Types.NVARCHAR || sql == Types.NCHAR || sql == Types.LONGNVARCHAR)) {
            return Read.STRING;
        } else if (type == java.math.BigDecimal.class && (sql == Types.NUMERIC || sql == Types.DECIMAL)) {
            return Read.DECIMAL;
        } else if (type == byte[].class && (sql == Types.BINARY || sql == Types.VARBINARY
                || sql == Types.LONGVARBINARY) && !"UUID".equalsIgnoreCase(column.typeName())) { // H2's UUID is BINARY
            return Read.BYTES;
        } else if (type == LocalDateTime.class && sql == Types.TIMESTAMP && !pgTimestamptz && pgjdbc) {
            // other drivers' getObject(LocalDateTime) may differ from their Timestamp's (MySQL
            // Connector/J converts a Timestamp between session and JVM zones; H2 builds it in the
            // JVM's zone): there getObject and the plan's conversion, as Table.as
            return Read.LOCAL_DATE_TIME;
        } else if (type == LocalDate.class && sql == Types.DATE && pgjdbc) {
            return Read.LOCAL_DATE;
        } else if (type == OffsetDateTime.class && withZone) {
            // getObject gives H2's value with its offset; pgjdbc's Timestamp converts to UTC
            return pgTimestamptz ? Read.UTC_DATE_TIME : Read.OFFSET_DATE_TIME;
        } else if (type == Instant.class && withZone) {
            return Read.INSTANT;
        }
        return Read.OBJECT;
    }
}
