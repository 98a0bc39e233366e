package io.cdiconnections.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TimeZone;

/**
 * PostgreSQL {@code timestamp} (without time zone) values for a {@link Table}, read the fast way
 * on pgjdbc (issue 16). pgjdbc's {@code getObject} makes the {@link Timestamp} through a
 * {@code GregorianCalendar}: setting every field from the instant and resolving them again in the
 * JVM's time zone, a quarter of a 1,000-row query's time. Its {@code getObject(i,
 * LocalDateTime.class)} reads the same value without a calendar, and {@link Timestamp#valueOf}
 * resolves it in the JVM's time zone as the calendar does: both ask the zone
 * ({@code ZoneInfo.getOffsetsByWall}) for the offset of the wall-clock time, so the instant is the
 * same, in a gap or an overlap of daylight saving time too ({@code PgTimestampsTest} compares them
 * against PostgreSQL in zones with gaps, overlaps and a skipped day).
 *
 * <p>Only where they agree: years 1583 to 9999 (before the Gregorian reform pgjdbc's
 * {@code Timestamp} is Julian and the {@code LocalDateTime} proleptic Gregorian; beyond, its
 * {@code infinity}), and a JVM time zone that is the JDK's own kind ({@code ZoneInfo}). Any other
 * value is read by {@code getObject}, as before.
 */
final class PgTimestamps {

    private static final int FIRST_YEAR = 1583;
    private static final int LAST_YEAR = 9999;

    private PgTimestamps() {
    }

    /**
     * @param columns a pgjdbc result's columns
     * @return per column whether it is read here, or null when none is (or the JVM's time zone is
     *         not the JDK's own kind)
     */
    static boolean[] columns(List<Column> columns) {
        boolean[] fast = null;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.sqlType() == Types.TIMESTAMP && "timestamp".equalsIgnoreCase(c.typeName())) {
                if (fast == null) {
                    if (!"sun.util.calendar.ZoneInfo".equals(TimeZone.getDefault().getClass().getName())) {
                        return null;
                    }
                    fast = new boolean[columns.size()];
                }
                fast[i] = true;
            }
        }
        return fast;
    }

    /**
     * @param rs     a pgjdbc result set on a row
     * @param column the column, from 1, a {@code timestamp}
     * @return the value, the same {@link Timestamp} as {@code rs.getObject(column)} gives
     * @throws SQLException when reading fails
     */
    static Object read(ResultSet rs, int column) throws SQLException {
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
