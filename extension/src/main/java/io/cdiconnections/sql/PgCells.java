package io.cdiconnections.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TimeZone;

/**
 * A {@link Table}'s values read on pgjdbc the fast way, the same objects as {@code getObject}
 * (issue 16). Decided once per result, per column, from its type:
 *
 * <ul>
 * <li>{@code int2}, {@code int4}, {@code int8}, {@code bool}, {@code varchar}, {@code text} and
 * {@code bpchar} through the typed getter pgjdbc's {@code getObject} itself calls for them
 * ({@code getInt}, {@code getLong}, {@code getBoolean}, {@code getString}), without its per-cell
 * dispatch on the column's type;</li>
 * <li>{@code timestamp} (without time zone): pgjdbc's {@code getObject} makes its
 * {@link Timestamp} through a {@code GregorianCalendar}, setting every field from the instant and
 * resolving them again in the JVM's time zone, a quarter of a 1,000-row query's time. Its
 * {@code getObject(i, LocalDateTime.class)} reads the same value without a calendar, and
 * {@link Timestamp#valueOf} resolves it in the JVM's time zone as the calendar does: both ask the
 * zone ({@code ZoneInfo.getOffsetsByWall}) for the offset of the wall-clock time, so the instant
 * is the same, in a gap or an overlap of daylight saving time too. Only where they agree: years
 * 1583 to 9999 (before the Gregorian reform pgjdbc's {@code Timestamp} is Julian and the
 * {@code LocalDateTime} proleptic Gregorian; beyond, its {@code infinity}), and a JVM time zone
 * of the JDK's own kind ({@code ZoneInfo}); any other value is read by {@code getObject};</li>
 * <li>every other column by {@code getObject}, as on every other driver.</li>
 * </ul>
 *
 * {@code PgCellsTest} compares each with {@code getObject} against PostgreSQL, in pgjdbc's text
 * and binary modes (timestamps in zones with gaps, overlaps and a skipped day).
 */
final class PgCells {

    static final byte OBJECT = 0;
    static final byte TIMESTAMP = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte BOOLEAN = 4;
    static final byte STRING = 5;

    private static final int FIRST_YEAR = 1583;
    private static final int LAST_YEAR = 9999;

    private PgCells() {
    }

    /**
     * @param columns a pgjdbc result's columns
     * @return per column how it is read, or null when every column is read by {@code getObject}
     */
    static byte[] reads(List<Column> columns) {
        byte[] reads = new byte[columns.size()];
        boolean any = false;
        Boolean zoneAllows = null;
        for (int i = 0; i < reads.length; i++) {
            byte read = read(columns.get(i));
            if (read == TIMESTAMP) {
                if (zoneAllows == null) { // TimeZone.getDefault() makes a copy: once per result
                    zoneAllows = "sun.util.calendar.ZoneInfo".equals(TimeZone.getDefault().getClass().getName());
                }
                read = zoneAllows ? TIMESTAMP : OBJECT;
            }
            reads[i] = read;
            any |= read != OBJECT;
        }
        return any ? reads : null;
    }

    private static byte read(Column c) {
        String type = c.typeName() == null ? "" : c.typeName();
        return switch (type) {
            case "timestamp" -> c.sqlType() == Types.TIMESTAMP ? TIMESTAMP : OBJECT;
            case "int2", "int4" -> INT;
            case "int8" -> LONG;
            case "bool" -> BOOLEAN;
            case "varchar", "text", "bpchar" -> STRING;
            default -> OBJECT;
        };
    }

    /**
     * @param rs     a pgjdbc result set on a row
     * @param column the column, from 1
     * @param read   how ({@link #reads(List)})
     * @return the value, the same as {@code Values.detach(rs.getObject(column))} gives
     * @throws SQLException when reading fails
     */
    static Object read(ResultSet rs, int column, byte read) throws SQLException {
        switch (read) {
            case INT: {
                int v = rs.getInt(column);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case LONG: {
                long v = rs.getLong(column);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(column);
                return !v && rs.wasNull() ? null : v;
            }
            case STRING:
                return rs.getString(column);
            case TIMESTAMP:
                return timestamp(rs, column);
            default:
                return Values.detach(rs.getObject(column));
        }
    }

    /**
     * @param rs     a pgjdbc result set on a row
     * @param column the column, from 1, a {@code timestamp}
     * @return the value, the same {@link Timestamp} as {@code rs.getObject(column)} gives
     * @throws SQLException when reading fails
     */
    static Object timestamp(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        if (t == null) {
            return null;
        }
        int year = t.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Values.detach(rs.getObject(column));
        }
        return Timestamp.valueOf(t);
    }
}
