package io.cdiconnections.sql;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.TimeZone;

/**
 * {@link Timestamp#valueOf(LocalDateTime)} without its calendar (issue 16): the JVM time zone's
 * offset for a wall-clock time, looked up in a table of the stretches of wall-clock time between
 * its transitions, where that offset is the only one possible.
 *
 * <p>{@code Timestamp.valueOf} builds a {@code java.util.Date} from the fields, whose calendar asks
 * the zone for the offset of the wall-clock time ({@code ZoneInfo.getOffsetsByWall}) and subtracts
 * it: a calendar object and its normalization per value, a tenth of a 1,000-row query's time.
 * Between two transitions of the zone, outside the gap or overlap each one makes, a wall-clock
 * time has one offset, whatever the rule for gaps and overlaps; this class keeps those stretches
 * and their offsets, from the zone's {@link ZoneRules} (the tz database {@code ZoneInfo} is built
 * from), and leaves the rest to {@code Timestamp.valueOf}:
 *
 * <ul>
 * <li>a time in a gap or an overlap, or within the transition's jump of one;</li>
 * <li>years before 1901 and after 2099 ({@code ZoneInfo} has no table of its own there: its
 * offset before 1900 is not the tz database's local mean time);</li>
 * <li>a zone whose id {@code java.time} does not know ({@code EST}), or that is not the JDK's
 * {@code ZoneInfo} for its id (a raw offset changed by {@code setRawOffset}).</li>
 * </ul>
 *
 * Each stretch is checked when the table is made, through {@code Timestamp.valueOf} itself: its
 * first and last second and a time every week between. {@code ZoneOffsetsTest} compares every zone's table with
 * {@code Timestamp.valueOf} around each transition and at random times. Immutable; one table, the
 * default zone's, is kept for the JVM and made again when the default zone changes.
 */
final class ZoneOffsets {

    private static final Class<?> ZONE_INFO = TimeZone.getTimeZone("UTC").getClass();
    private static final long FIRST = LocalDateTime.of(1901, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
    private static final long END = LocalDateTime.of(2100, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
    /**
     * How often inside a stretch its offset is checked, in days: a daylight-saving period that
     * {@code ZoneInfo} derives from a rule of its own lasts months.
     */
    private static final int CHECK_EVERY_DAYS = 7;
    /** No table: every value through {@code Timestamp.valueOf}. */
    private static final long[] NONE = new long[0];

    private static volatile ZoneOffsets current;

    /** The zone: a copy of its own, compared with the default by {@link TimeZone#equals}. */
    private final TimeZone zone;
    /** Where each stretch begins, in wall-clock milliseconds as if UTC, ascending. */
    private final long[] from;
    /** Where each ends, exclusive; at most the next one's start. */
    private final long[] until;
    /** The offset of each, in milliseconds. */
    private final int[] offset;

    private ZoneOffsets(TimeZone zone, long[] from, long[] until, int[] offset) {
        this.zone = zone;
        this.from = from;
        this.until = until;
        this.offset = offset;
    }

    /**
     * @param zone the JVM's default time zone, {@link TimeZone#getDefault()}: a copy the caller
     *             no longer changes
     * @return its offsets, made once per default zone
     */
    static ZoneOffsets of(TimeZone zone) {
        ZoneOffsets c = current;
        if (c != null && c.zone.equals(zone)) {
            return c;
        }
        c = make(zone);
        current = c;
        return c;
    }

    /**
     * @param t a date-time
     * @return {@code Timestamp.valueOf(t)}: the same instant and nanoseconds
     */
    Timestamp timestamp(LocalDateTime t) {
        Timestamp ts = timestamp(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
        return ts != null ? ts : Timestamp.valueOf(t);
    }

    /**
     * @param wallSecond a wall-clock time, in seconds from 1970-01-01T00:00 as if it were UTC
     * @param nanos      its nanoseconds, 0 to 999,999,999
     * @return what {@code Timestamp.valueOf} gives for it, or null when it is outside the
     *         stretches (then ask {@link #timestamp(LocalDateTime)})
     */
    Timestamp timestamp(long wallSecond, int nanos) {
        long wall = wallSecond * 1000;
        int i = stretch(wall);
        if (i < 0) {
            return null;
        }
        Timestamp ts = new Timestamp(wall - offset[i]);
        ts.setNanos(nanos);
        return ts;
    }

    /** @return the stretch holding a wall-clock time, in milliseconds as if UTC, or -1 */
    int stretch(long wall) {
        int i = Arrays.binarySearch(from, wall);
        if (i < 0) {
            i = -i - 2; // the last stretch beginning before it
        }
        return i >= 0 && wall < until[i] ? i : -1;
    }

    /** @return the number of stretches: 0 when every value goes through {@code Timestamp.valueOf} */
    int stretches() {
        return from.length;
    }

    /** @return where stretch {@code i} begins, in wall-clock milliseconds */
    long from(int i) {
        return from[i];
    }

    /** @return where stretch {@code i} ends, exclusive */
    long until(int i) {
        return until[i];
    }

    private static ZoneOffsets make(TimeZone zone) {
        TimeZone own = (TimeZone) zone.clone();
        ZoneRules rules = rules(own);
        if (rules == null) {
            return none(own);
        }
        int max = 16;
        long[] from = new long[max];
        long[] until = new long[max];
        int[] offset = new int[max];
        int n = 0;
        Instant at = Instant.ofEpochMilli(FIRST - 2 * 86_400_000L); // before any wall time of 1901
        long start = Long.MIN_VALUE;
        int off = rules.getOffset(at).getTotalSeconds() * 1000;
        while (start < END) {
            ZoneOffsetTransition t = rules.nextTransition(at);
            long utc = t == null ? Long.MAX_VALUE : t.toEpochSecond() * 1000;
            long end = t == null || utc > END + 2 * 86_400_000L ? Long.MAX_VALUE
                    : utc + Math.min(t.getOffsetBefore().getTotalSeconds(), t.getOffsetAfter().getTotalSeconds()) * 1000L;
            long a = Math.max(start, FIRST);
            long b = Math.min(end, END);
            if (a < b && (n == 0 || a >= until[n - 1]) && checked(a, b, off)) {
                if (n == max) {
                    max *= 2;
                    from = Arrays.copyOf(from, max);
                    until = Arrays.copyOf(until, max);
                    offset = Arrays.copyOf(offset, max);
                }
                from[n] = a;
                until[n] = b;
                offset[n] = off;
                n++;
            }
            if (end == Long.MAX_VALUE) {
                break;
            }
            start = utc + Math.max(t.getOffsetBefore().getTotalSeconds(), t.getOffsetAfter().getTotalSeconds()) * 1000L;
            off = t.getOffsetAfter().getTotalSeconds() * 1000;
            at = t.getInstant();
        }
        if (!own.equals(TimeZone.getDefault())) { // changed while the stretches were checked against it
            return none(own);
        }
        return new ZoneOffsets(own, Arrays.copyOf(from, n), Arrays.copyOf(until, n), Arrays.copyOf(offset, n));
    }

    /** @return a table of no stretch for the zone: every value through {@code Timestamp.valueOf} */
    private static ZoneOffsets none(TimeZone own) {
        return new ZoneOffsets(own, NONE, NONE, new int[0]);
    }

    /**
     * @param zone a time zone
     * @return whether it is of the JDK's own kind ({@code sun.util.calendar.ZoneInfo}), which
     *         {@code Timestamp.valueOf} and pgjdbc's calendar resolve wall-clock times in alike
     */
    static boolean isJdkZone(TimeZone zone) {
        return zone.getClass() == ZONE_INFO;
    }

    /** @return the zone's rules, when it is the JDK's zone of its id and {@code java.time} knows the id */
    private static ZoneRules rules(TimeZone zone) {
        if (!isJdkZone(zone)
                || !zone.equals(TimeZone.getTimeZone(zone.getID()))) {
            return null;
        }
        try {
            return ZoneId.of(zone.getID()).getRules();
        } catch (DateTimeException e) { // EST, MST, HST and other ids of java.util's own
            return null;
        }
    }

    /**
     * @return whether {@code Timestamp.valueOf} gives the offset at both ends of a stretch and every
     *         {@value #CHECK_EVERY_DAYS} days between, in the JVM's default zone, which must still be
     *         the one the table is for ({@link #make} makes sure after): a daylight-saving period
     *         that {@code ZoneInfo} has and the zone's rules have not (a rule it derives beyond its
     *         table) cannot hide inside a stretch
     */
    private static boolean checked(long from, long until, int offset) {
        if (valueOfOffset(from) != offset || valueOfOffset(until - 1000) != offset) {
            return false;
        }
        for (long t = from + CHECK_EVERY_DAYS * 86_400_000L; t < until - 1000; t += CHECK_EVERY_DAYS * 86_400_000L) {
            if (valueOfOffset(t) != offset) {
                return false;
            }
        }
        return true;
    }

    private static long valueOfOffset(long wall) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(wall, 1000), 0, ZoneOffset.UTC);
        return wall - Timestamp.valueOf(t).getTime();
    }
}
