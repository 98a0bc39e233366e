package io.cdiconnections.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/** The hand-written ISO text of date-times is, character for character, the formatter's. */
class IsoTextTest {

    private static final int[] NANOS = {0, 1, 10, 100_000, 1_000_000, 120_000_000, 100_000_000, 123_456_789, 999_999_999,
        500_000_000, 7_000};
    /** Offsets of every kind: half and quarter hours, historic seconds (Amsterdam, Monrovia), a skipped day (Apia). */
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu",
            "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "Europe/Amsterdam", "Africa/Monrovia",
            "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati");

    @Test
    void localDateTimesAreWhatTheIsoFormatterWrites() {
        List<LocalDateTime> edges = List.of(LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 59, 59, 1),
                LocalDateTime.of(2024, 1, 2, 3, 4), LocalDateTime.of(2024, 2, 29, 12, 30, 5, 120_000_000),
                LocalDateTime.MIN, LocalDateTime.MAX);
        for (LocalDateTime t : edges) {
            assertThat(IsoText.localDateTime(t)).as("%s", t).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(-20, 12_000), random.nextInt(1, 13), random.nextInt(1, 29),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos(random));
            assertThat(IsoText.localDateTime(t)).as("%s", t).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
        }
    }

    @Test
    void timestampsAreWhatToLocalDateTimeAndTheIsoFormatterWriteInEveryDefaultZone() {
        TimeZone before = TimeZone.getDefault();
        long cutover = -12_219_292_800_000L; // 1582-10-15T00:00Z
        long year10000 = 253_402_300_800_000L;
        long[] edges = {0, -1000, 1000, cutover, cutover - 86_400_000L, cutover + 86_400_000L, cutover + 2 * 86_400_000L,
            cutover + 3 * 86_400_000L, year10000, year10000 - 86_400_000L, year10000 - 2 * 86_400_000L,
            year10000 - 3 * 86_400_000L, 9_223_372_036_825_200_000L, -9_223_372_036_832_400_000L, // pgjdbc's infinities
            1_711_846_800_000L, 1_729_990_800_000L}; // 2024's DST changes in Europe
        SplittableRandom random = new SplittableRandom(17);
        try {
            for (String zone : ZONES) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (long millis : edges) {
                    for (int nanos : NANOS) {
                        check(millis, nanos, zone);
                    }
                }
                for (int i = 0; i < 50_000; i++) {
                    // from the year 1000 to 12000, whole and fractional seconds, and near the epoch densely
                    long millis = i % 2 == 0 ? random.nextLong(-30_610_224_000_000L, 316_000_000_000_000L)
                            : random.nextLong(-3_000_000_000_000L, 3_000_000_000_000L);
                    check(millis, i % 3 == 0 ? (int) Math.floorMod(millis, 1000) * 1_000_000 : nanos(random), zone);
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private static void check(long millis, int nanos, String zone) {
        Timestamp fresh = new Timestamp(millis);
        fresh.setNanos(nanos);
        String expected = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(fresh.toLocalDateTime());
        Timestamp t = new Timestamp(millis);
        t.setNanos(nanos);
        assertThat(IsoText.timestamp(t)).as("%d ms, %d ns in %s", millis, nanos, zone).isEqualTo(expected);
    }

    private static int nanos(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> NANOS[random.nextInt(NANOS.length)];
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
    }
}
