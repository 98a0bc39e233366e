package io.cdiconnections.json;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;


/**
 * Date-times as {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} writes them
 * ({@code 2024-01-02T03:04:05}, the seconds always, a fraction only when not zero and without
 * its trailing zeros), written here directly for the years 0 to 9999 and by the formatter for
 * the rest: the formatter's generality costs about as much as the rest of a table cell's JSON.
 * A {@code java.sql.Timestamp} is read as {@link Timestamp#toLocalDateTime()} reads it (the
 * default time zone's offset at its instant), without the calendar that method fills.
 */
final class IsoText {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /**
     * From two days after the Gregorian cutover (1582-10-15) on, {@code java.util.Date}'s fields
     * are the proleptic Gregorian ones of {@code java.time}; before it, Julian.
     */
    private static final long GREGORIAN_FROM = LocalDate.of(1582, 10, 15).toEpochDay() * MILLIS_PER_DAY + 2 * MILLIS_PER_DAY;
    /** Two days before the year 10000 begins in UTC: later instants may be past 9999 in local time. */
    private static final long FOUR_DIGIT_YEARS_UNTIL = LocalDate.of(10_000, 1, 1).toEpochDay() * MILLIS_PER_DAY
            - 2 * MILLIS_PER_DAY;

    private IsoText() {
    }

    /**
     * @param t a timestamp
     * @return its local date-time in the default time zone, as ISO-8601
     */
    static String timestamp(Timestamp t) {
        int nanos = t.getNanos();
        long utc = t.getTime() - nanos / 1_000_000; // the whole seconds that Date's fields come from
        if (utc < GREGORIAN_FROM || utc >= FOUR_DIGIT_YEARS_UNTIL) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.toLocalDateTime());
        }
        long local = utc + TimeZone.getDefault().getOffset(utc); // what Date's calendar adds
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, MILLIS_PER_DAY));
        int second = (int) (Math.floorMod(local, MILLIS_PER_DAY) / 1000);
        return format(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), second / 3600, second / 60 % 60,
                second % 60, nanos);
    }

    /**
     * @param t a date-time
     * @return it as ISO-8601
     */
    static String localDateTime(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        return format(year, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} and the fraction, the year from 0 to 9999. */
    private static String format(int year, int month, int day, int hour, int minute, int second, int nano) {
        char[] c = new char[29];
        c[0] = digit(year / 1000);
        c[1] = digit(year / 100 % 10);
        two(c, 2, year % 100);
        c[4] = '-';
        two(c, 5, month);
        c[7] = '-';
        two(c, 8, day);
        c[10] = 'T';
        two(c, 11, hour);
        c[13] = ':';
        two(c, 14, minute);
        c[16] = ':';
        two(c, 17, second);
        int n = 19;
        if (nano != 0) {
            c[n++] = '.';
            int rest = nano;
            for (int unit = 100_000_000; rest != 0; unit /= 10) { // stops after the last digit that is not 0
                c[n++] = digit(rest / unit);
                rest %= unit;
            }
        }
        return new String(c, 0, n);
    }

    private static void two(char[] c, int at, int value) {
        c[at] = digit(value / 10);
        c[at + 1] = digit(value % 10);
    }

    private static char digit(int d) {
        return (char) ('0' + d);
    }
}
