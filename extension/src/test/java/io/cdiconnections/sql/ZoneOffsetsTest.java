package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ZoneOffsets#timestamp} is {@link Timestamp#valueOf(LocalDateTime)}: the same instant and
 * nanoseconds in every time zone the JVM knows, around each of its transitions from 1899 to 2101
 * (in the gap or overlap, at its edges and an hour either side), at random times from 1583 to
 * 9999, and at the edges of its own stretches.
 */
class ZoneOffsetsTest {

    private TimeZone before;

    @BeforeEach
    void keepDefault() {
        before = TimeZone.getDefault();
    }

    @AfterEach
    void restoreDefault() {
        TimeZone.setDefault(before);
    }

    @Test
    void everyZoneGivesWhatTimestampValueOfGives() {
        int zones = 0;
        int fast = 0;
        int none = 0;
        for (String id : TimeZone.getAvailableIDs()) {
            TimeZone.setDefault(TimeZone.getTimeZone(id));
            ZoneOffsets offsets = ZoneOffsets.of(TimeZone.getDefault());
            int checked = 0;
            for (LocalDateTime t : times(id, offsets)) {
                Timestamp expected = Timestamp.valueOf(t);
                Timestamp actual = offsets.timestamp(t);
                assertThat(actual).as("%s %s", id, t).isEqualTo(expected);
                assertThat(actual.getTime()).as("%s %s", id, t).isEqualTo(expected.getTime());
                assertThat(actual.getNanos()).as("%s %s", id, t).isEqualTo(expected.getNanos());
                fast += offsets.stretch(t.toEpochSecond(ZoneOffset.UTC) * 1000) >= 0 ? 1 : 0;
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(300);
            none += offsets.stretches() == 0 ? 1 : 0;
            zones++;
        }
        assertThat(zones).isGreaterThan(400);
        assertThat(none).as("zones left to Timestamp.valueOf").isLessThan(zones / 10);
        assertThat(fast).as("values converted without Timestamp.valueOf").isGreaterThan(zones * 150);
    }

    @Test
    void aTimeOfThisCenturyIsConvertedWithoutTheCalendarInAZoneWithDaylightSaving() {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        ZoneOffsets offsets = ZoneOffsets.of(TimeZone.getDefault());
        long winter = LocalDateTime.of(2026, 1, 15, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
        long summer = LocalDateTime.of(2026, 7, 15, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
        long gap = LocalDateTime.of(2026, 3, 29, 2, 30).toEpochSecond(ZoneOffset.UTC) * 1000;
        long overlap = LocalDateTime.of(2026, 10, 25, 2, 30).toEpochSecond(ZoneOffset.UTC) * 1000;
        long old = LocalDateTime.of(1850, 7, 15, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1000;

        assertThat(offsets.stretch(winter)).isNotNegative();
        assertThat(offsets.stretch(summer)).isNotNegative().isNotEqualTo(offsets.stretch(winter));
        assertThat(offsets.stretch(gap)).as("in the gap: Timestamp.valueOf").isNegative();
        assertThat(offsets.stretch(overlap)).as("in the overlap: Timestamp.valueOf").isNegative();
        assertThat(offsets.stretch(old)).as("before 1901: Timestamp.valueOf").isNegative();
    }

    @Test
    void theTableFollowsTheDefaultZone() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        ZoneOffsets newYork = ZoneOffsets.of(TimeZone.getDefault());
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        ZoneOffsets tokyo = ZoneOffsets.of(TimeZone.getDefault());
        LocalDateTime t = LocalDateTime.of(2026, 12, 2, 8, 30, 15, 123_456_789);

        assertThat(tokyo).isNotSameAs(newYork);
        assertThat(ZoneOffsets.of(TimeZone.getDefault())).as("kept while the default stays").isSameAs(tokyo);
        assertThat(tokyo.timestamp(t)).isEqualTo(Timestamp.valueOf(t));
        assertThat(tokyo.timestamp(t).getTime() - newYork.timestamp(t).getTime()).isEqualTo(-14 * 3_600_000L);
    }

    @Test
    void aZoneWhoseRawOffsetWasChangedIsLeftToTimestampValueOf() {
        TimeZone changed = TimeZone.getTimeZone("Europe/Paris");
        changed.setRawOffset(5 * 3_600_000);
        TimeZone.setDefault(changed);
        ZoneOffsets offsets = ZoneOffsets.of(TimeZone.getDefault());
        LocalDateTime t = LocalDateTime.of(2026, 6, 1, 12, 0);

        assertThat(offsets.stretches()).isZero();
        assertThat(offsets.timestamp(t)).isEqualTo(Timestamp.valueOf(t));
    }

    /** @return times to compare in a zone: around its transitions, at its stretches' edges, and random */
    private static List<LocalDateTime> times(String id, ZoneOffsets offsets) {
        List<LocalDateTime> times = new ArrayList<>();
        Random random = new Random(id.hashCode());
        long from = LocalDateTime.of(1583, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(9999, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC);
        long recentFrom = LocalDateTime.of(1895, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long recentTo = LocalDateTime.of(2105, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 150; i++) {
            times.add(LocalDateTime.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC));
            times.add(LocalDateTime.ofEpochSecond(recentFrom + (long) (random.nextDouble() * (recentTo - recentFrom)),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC));
        }
        ZoneRules rules;
        try {
            rules = ZoneId.of(id).getRules();
        } catch (DateTimeException e) {
            return times;
        }
        ZoneOffsetTransition t = rules.nextTransition(Instant.parse("1899-01-01T00:00:00Z"));
        while (t != null && t.getInstant().isBefore(Instant.parse("2101-06-01T00:00:00Z"))) {
            LocalDateTime at = t.getDateTimeBefore();
            long jump = t.getDuration().getSeconds();
            for (long s : new long[] {-3600, -1, 0, 1, jump / 2, jump - 1, jump, jump + 1, Math.abs(jump) + 1, 3600}) {
                times.add(at.plusSeconds(s).plusNanos(random.nextInt(1_000_000_000)));
            }
            t = rules.nextTransition(t.getInstant());
        }
        for (int i = 0; i < offsets.stretches(); i++) {
            for (long ms : new long[] {offsets.from(i) - 1000, offsets.from(i), offsets.until(i) - 1000, offsets.until(i)}) {
                times.add(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), 999_999_999, ZoneOffset.UTC));
            }
        }
        return times;
    }
}
