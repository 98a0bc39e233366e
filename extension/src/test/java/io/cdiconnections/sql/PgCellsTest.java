package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;

import io.cdiconnections.sql.ResultMapper.Read;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value read the fast way on pgjdbc ({@link PgCells}) is the very object {@code getObject}
 * gives. A {@code timestamp}: the very
 * {@code Timestamp} pgjdbc's {@code getObject} gives, against a real PostgreSQL: random instants
 * of every year the fast way reads, each daylight-saving transition's gap and overlap (and the
 * minutes around them), Samoa's skipped day, Julian dates, BC dates and infinity, in zones with
 * whole, half-hour, quarter-hour and negative daylight saving, read in pgjdbc's text and binary
 * modes.
 */
class PgCellsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Sao_Paulo",
        "Pacific/Apia", "Europe/Dublin", "America/St_Johns", "Asia/Kathmandu", "UTC"})
    void aFastReadGivesWhatGetObjectGives(String zone) throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            List<String> values = values(ZoneId.of(zone));
            for (String mode : new String[] {"&prepareThreshold=0", "&prepareThreshold=-1"}) { // text, binary
                try (Connection c = DriverManager.getConnection(URL + mode)) {
                    compare(c, values, zone + mode, mode.endsWith("-1"));
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @org.junit.jupiter.api.Test
    void inAZoneNotOfTheJdksKindTimestampsAreReadByGetObject() throws Exception {
        TimeZone before = TimeZone.getDefault();
        // connected first: pgjdbc tells the server the JVM's zone id, which it would not know
        try (Connection c = DriverManager.getConnection(URL + "&prepareThreshold=-1")) {
            // an hour ahead of UTC, daylight saving from the last Sunday of March to October's
            TimeZone.setDefault(new java.util.SimpleTimeZone(3_600_000, "Custom/Summer",
                    java.util.Calendar.MARCH, -1, java.util.Calendar.SUNDAY, 3_600_000,
                    java.util.Calendar.OCTOBER, -1, java.util.Calendar.SUNDAY, 3_600_000));
            try (PreparedStatement q = c.prepareStatement("select cast('2024-07-01 12:00:00.5' as timestamp) t,"
                    + " cast('2024-03-31 02:30' as timestamp) gap, 7 n");
                 ResultSet rs = q.executeQuery()) {
                assertThat(PgCells.reads(Table.columns(rs))).containsExactly(Read.LOCAL_DATE_TIME,
                        Read.LOCAL_DATE_TIME, Read.INT);
                PgCells cells = PgCells.of(Table.columns(rs));
                assertThat(cells).as("the integer column is still read the fast way").isNotNull();
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 3; column++) {
                    Object expected = rs.getObject(column);
                    assertThat(cells.read(rs, column)).as("column %d", column).isEqualTo(expected);
                }
                assertThat(((Timestamp) cells.read(rs, 1)).getTime())
                        .isEqualTo(Instant.parse("2024-07-01T10:00:00.5Z").toEpochMilli());
            }
            TimeZone.setDefault(new java.util.SimpleTimeZone(0, "Custom/Plain"));
            try (PreparedStatement q = c.prepareStatement("select cast('2024-07-01 12:00' as timestamp) t");
                 ResultSet rs = q.executeQuery()) {
                assertThat(PgCells.of(Table.columns(rs))).as("only timestamps, all read by getObject").isNull();
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @org.junit.jupiter.api.Test
    void integersBooleansAndStringsGiveWhatGetObjectGives() throws Exception {
        String[] types = {"int2", "int4", "int8", "bool", "varchar(20)", "text", "char(5)", "numeric(10,2)"};
        String[][] values = {
            {"0", "-32768", "32767", "7", null},
            {"0", "-2147483648", "2147483647", "128", "-1", null},
            {"0", "-9223372036854775808", "9223372036854775807", "1", null},
            {"true", "false", null},
            {"", "plain", "ünïcødé ✓", " padded ", null},
            {"", "long " + "x".repeat(5000), "tab\there", null},
            {"", "ab", "abcde", null},
            {"0", "1.5", "NaN", null},
        };
        Read[] expectedReads = {Read.INT, Read.INT, Read.LONG, Read.BOOLEAN, Read.STRING, Read.STRING,
            Read.STRING, Read.OBJECT};
        for (String mode : new String[] {"&prepareThreshold=0", "&prepareThreshold=-1"}) { // text, binary
            try (Connection c = DriverManager.getConnection(URL + mode)) {
                for (int t = 0; t < types.length; t++) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create temporary table pg_cell_check (n int, v " + types[t] + ")");
                    }
                    try (PreparedStatement ins = c.prepareStatement("insert into pg_cell_check values (?, cast(? as "
                            + types[t] + "))")) {
                        for (int i = 0; i < values[t].length; i++) {
                            ins.setInt(1, i);
                            ins.setString(2, values[t][i]);
                            ins.addBatch();
                        }
                        ins.executeBatch();
                    }
                    for (int run = 0; run < 6; run++) { // past the threshold, pgjdbc's binary mode
                        try (PreparedStatement q = c.prepareStatement("select v from pg_cell_check order by n");
                             ResultSet rs = q.executeQuery()) {
                            Read read = PgCells.reads(Table.columns(rs)) == null ? Read.OBJECT
                                    : PgCells.reads(Table.columns(rs))[0];
                            assertThat(read).as(types[t]).isEqualTo(expectedReads[t]);
                            PgCells cells = PgCells.of(Table.columns(rs));
                            int row = 0;
                            while (rs.next()) {
                                Object expected = rs.getObject(1);
                                Object actual = cells == null ? Values.detach(rs.getObject(1)) : cells.read(rs, 1);
                                assertThat(actual).as("%s %s %s", mode, types[t], values[t][row]).isEqualTo(expected);
                                if (expected != null) {
                                    assertThat(actual.getClass()).isEqualTo(expected.getClass());
                                }
                                row++;
                            }
                            assertThat(row).isEqualTo(values[t].length);
                        }
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("drop table pg_cell_check");
                    }
                }
            }
        }
    }

    private static void compare(Connection c, List<String> values, String where, boolean binary) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table pg_ts_check (n int, t timestamp(6), tz timestamptz)");
        }
        try (PreparedStatement ins = c.prepareStatement("insert into pg_ts_check values (?, cast(? as timestamp), now())")) {
            for (int i = 0; i < values.size(); i++) {
                ins.setInt(1, i);
                ins.setString(2, values.get(i));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        int fast = 0;
        int eightBytes = 0; // read through PgCells' binary path (or the text "infinity")
        try (PreparedStatement q = c.prepareStatement("select t, tz from pg_ts_check order by n");
             ResultSet rs = q.executeQuery()) {
            assertThat(PgCells.reads(Table.columns(rs))).containsExactly(Read.LOCAL_DATE_TIME, Read.OBJECT);
            PgCells cells = PgCells.of(Table.columns(rs));
            int row = 0;
            while (rs.next()) {
                Object expected = rs.getObject(1);
                Object actual = cells.read(rs, 1);
                byte[] raw = rs.getBytes(1);
                eightBytes += raw != null && raw.length == 8 ? 1 : 0;
                assertThat(actual).as("%s: %s", where, values.get(row)).isEqualTo(expected);
                if (actual != null) {
                    assertThat(((Timestamp) actual).getTime()).as("%s: %s", where, values.get(row))
                            .isEqualTo(((Timestamp) expected).getTime());
                    fast += ((Timestamp) actual).toLocalDateTime().getYear() >= 1583 ? 1 : 0;
                }
                row++;
            }
            assertThat(row).isEqualTo(values.size());
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("drop table pg_ts_check");
            }
        }
        assertThat(fast).as("values read the fast way").isGreaterThan(values.size() / 2);
        if (binary) {
            assertThat(eightBytes).as("%s: values pgjdbc hands over as 8 bytes, for the binary path", where)
                    .isGreaterThan(values.size() / 2);
        }
    }

    /** @return timestamps as PostgreSQL reads them: random, around each transition of the zone, and the odd ones */
    private static List<String> values(ZoneId zone) {
        List<String> values = new ArrayList<>();
        Random random = new Random(zone.getId().hashCode());
        long from = LocalDateTime.of(1583, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        long to = LocalDateTime.of(9999, 12, 31, 23, 59).toEpochSecond(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 1500; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            values.add(LocalDateTime.ofEpochSecond(second, random.nextInt(1_000_000) * 1000, java.time.ZoneOffset.UTC)
                    .toString());
        }
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition t = rules.nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
        for (int n = 0; t != null && n < 400 && t.getInstant().isBefore(Instant.parse("2040-01-01T00:00:00Z")); n++) {
            LocalDateTime at = t.getDateTimeBefore();
            long gap = t.getDuration().getSeconds();
            for (long offset : new long[] {-3600, -60, -1, 0, 1, gap / 2, gap - 1, gap, gap + 1, 60 + Math.abs(gap), 3600}) {
                values.add(at.plusSeconds(offset).toString());
            }
            t = rules.nextTransition(t.getInstant());
        }
        values.add("2011-12-30T12:00:00"); // the day Samoa skipped
        values.add("1582-10-10T12:00:00"); // Julian in Timestamp, Gregorian in LocalDateTime
        values.add("1000-06-01T00:00:00");
        values.add("0044-03-15T12:00:00 BC");
        values.add("infinity");
        values.add("-infinity");
        values.add(null);
        return values;
    }
}
