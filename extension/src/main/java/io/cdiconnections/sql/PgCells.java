package io.cdiconnections.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import io.cdiconnections.sql.ResultMapper.Read;

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
 * is the same, in a gap or an overlap of daylight saving time too ({@link ZoneOffsets} does what
 * {@code Timestamp.valueOf} does without its calendar). Only where they agree: years
 * 1583 to 9999 (before the Gregorian reform pgjdbc's {@code Timestamp} is Julian and the
 * {@code LocalDateTime} proleptic Gregorian; beyond, its {@code infinity}), and a JVM time zone
 * of the JDK's own kind ({@code ZoneInfo}); any other value is read by {@code getObject}. In
 * pgjdbc's binary mode (a prepared statement's fifth run on), a value of 1901 to 2099 outside a
 * transition is made straight from its 8 bytes, the wall-clock time's microseconds, without the
 * {@code LocalDateTime} in between;</li>
 * <li>every other column by {@code getObject}, as on every other driver.</li>
 * </ul>
 *
 * {@code PgCellsTest} compares each with {@code getObject} against PostgreSQL, in pgjdbc's text
 * and binary modes (timestamps in zones with gaps, overlaps and a skipped day).
 */
final class PgCells {

    private static final int FIRST_YEAR = 1583;
    private static final int LAST_YEAR = 9999;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** 2000-01-01T00:00, PostgreSQL's epoch, in seconds from 1970's. */
    private static final long POSTGRES_EPOCH = 946_684_800L;

    private final Read[] reads;
    /** The JVM zone's offsets, for a {@code timestamp} column; null without one. */
    private final ZoneOffsets zone;

    private PgCells(Read[] reads, ZoneOffsets zone) {
        this.reads = reads;
        this.zone = zone;
    }

    /**
     * @param columns a pgjdbc result's columns
     * @return how to read them, or null when every column is read by {@code getObject}
     */
    static PgCells of(List<Column> columns) {
        Read[] reads = reads(columns);
        if (reads == null) {
            return null;
        }
        ZoneOffsets zone = null;
        if (Arrays.asList(reads).contains(Read.LOCAL_DATE_TIME)) {
            TimeZone jvm = TimeZone.getDefault(); // a copy: once per result
            if (ZoneOffsets.isJdkZone(jvm)) {
                zone = ZoneOffsets.of(jvm);
            } else { // a zone of another kind: its timestamps as getObject makes them
                boolean any = false;
                for (int i = 0; i < reads.length; i++) {
                    reads[i] = reads[i] == Read.LOCAL_DATE_TIME ? Read.OBJECT : reads[i];
                    any |= reads[i] != Read.OBJECT;
                }
                if (!any) {
                    return null;
                }
            }
        }
        return new PgCells(reads, zone);
    }

    /**
     * @param columns a pgjdbc result's columns
     * @return per column how it is read by its type ({@link Read#LOCAL_DATE_TIME}: a
     *         {@code timestamp}, kept as the {@code Timestamp} {@code getObject} gives, when the
     *         JVM's zone allows), or null when every column is read by {@code getObject}
     */
    static Read[] reads(List<Column> columns) {
        Read[] reads = new Read[columns.size()];
        boolean any = false;
        for (int i = 0; i < reads.length; i++) {
            reads[i] = read(columns.get(i));
            any |= reads[i] != Read.OBJECT;
        }
        return any ? reads : null;
    }

    private static Read read(Column c) {
        String type = c.typeName() == null ? "" : c.typeName();
        return switch (type) {
            case "timestamp" -> c.sqlType() == Types.TIMESTAMP ? Read.LOCAL_DATE_TIME : Read.OBJECT;
            case "int2", "int4" -> Read.INT;
            case "int8" -> Read.LONG;
            case "bool" -> Read.BOOLEAN;
            case "varchar", "text", "bpchar" -> Read.STRING;
            default -> Read.OBJECT;
        };
    }

    /**
     * @param rs     a pgjdbc result set on a row
     * @param column the column, from 1
     * @return the value, the same as {@code Values.detach(rs.getObject(column))} gives
     * @throws SQLException when reading fails
     */
    Object read(ResultSet rs, int column) throws SQLException {
        Read read = reads[column - 1];
        return switch (read) {
            case OBJECT -> Values.detach(rs.getObject(column));
            case LOCAL_DATE_TIME -> timestamp(rs, column);
            default -> ResultMapper.typed(rs, column, read); // the typed query's getters
        };
    }

    /**
     * @param rs     a pgjdbc result set on a row
     * @param column the column, from 1, a {@code timestamp}
     * @return the value, the same {@link Timestamp} as {@code rs.getObject(column)} gives
     * @throws SQLException when reading fails
     */
    private Object timestamp(ResultSet rs, int column) throws SQLException {
        byte[] raw = rs.getBytes(column); // in binary mode the value's own 8 bytes, not a copy
        if (raw == null) {
            return null;
        }
        if (raw.length == 8) {
            Timestamp ts = binary(raw);
            if (ts != null) {
                return ts;
            }
        }
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        if (t == null) {
            return null;
        }
        int year = t.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Values.detach(rs.getObject(column));
        }
        return zone.timestamp(t); // Timestamp.valueOf(t)
    }

    /**
     * @param raw a {@code timestamp}'s 8 bytes in pgjdbc's binary mode: microseconds from
     *            2000-01-01T00:00 (the wall-clock time, no zone), big-endian
     * @return the {@code Timestamp} {@code getObject} gives, when {@link ZoneOffsets} knows the
     *         offset for it; else null. Other 8 bytes (the text {@code infinity}, a server's
     *         floating-point timestamps) read as a time far outside the stretches of 1901 to 2099
     */
    private Timestamp binary(byte[] raw) {
        long micros = 0;
        for (int i = 0; i < 8; i++) {
            micros = micros << 8 | (raw[i] & 0xff);
        }
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return null; // infinity
        }
        long second = Math.floorDiv(micros, MICROS_PER_SECOND) + POSTGRES_EPOCH;
        return zone.timestamp(second, (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }
}
