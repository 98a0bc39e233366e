package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.postgres;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/** The shared cache's encoding of a {@link Table}: every value type round trip, and bad bytes refused cleanly. */
class TableFormatTest {

    private static final Object[] EVERY_TYPE = {null, "", "héllo ✓ 𝄞", 42, Integer.MIN_VALUE, 7L, Long.MAX_VALUE,
            (short) -3, (byte) 9, 3.25d, Double.NaN, -0.5f, true, false, new BigDecimal("-12345678901234567890.0100"),
            new BigDecimal("1E+30"), new BigInteger("-98765432109876543210"), new byte[] {0, -1, 127},
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new java.sql.Date(1_700_000_000_000L),
            new Time(45_296_789L), Timestamp.from(Instant.parse("2024-02-29T23:59:59.123456789Z")),
            new java.util.Date(-1L), LocalDate.of(-5, 1, 1), LocalTime.of(23, 59, 59, 999_999_999),
            LocalDateTime.of(2024, 6, 1, 12, 0, 0, 1), OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-7)),
            Instant.ofEpochSecond(-1, 5), OffsetTime.of(1, 2, 3, 4, ZoneOffset.ofHoursMinutes(5, 30)),
            ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Paris")).withLaterOffsetAtOverlap(), 'x',
            new Integer[] {1, null, 3}, new String[] {"a", null}, new Object[] {1, "two", null},
            new Integer[][] {{1, 2}, {3}}, new int[] {1, -2}, new long[] {Long.MIN_VALUE}, new double[] {1.5},
            new float[] {2.5f}, new short[] {4}, new boolean[] {true, false}, new char[] {'a', 'é'},
            new Timestamp[] {new Timestamp(0)}, new BigDecimal[] {BigDecimal.TEN}};

    private static Table table(Object[]... rows) {
        int n = rows.length == 0 ? 2 : rows[0].length;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(new Column("c" + i + "é", i % 2 == 0 ? Types.VARCHAR : -155, "type " + i));
        }
        return Table.of(columns, List.of(rows));
    }

    private static byte[] encode(Table t) {
        try {
            return TableEncoder.encode(t);
        } catch (TableEncoder.Unencodable e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSame(Table decoded, Table original) {
        assertThat(decoded.columns()).isEqualTo(original.columns());
        assertThat(decoded.size()).isEqualTo(original.size());
        for (int r = 0; r < original.size(); r++) {
            Object[] want = original.rows().get(r).raw();
            Object[] got = decoded.rows().get(r).raw();
            assertThat(Arrays.deepEquals(got, want)).as("row %d: %s vs %s", r, Arrays.deepToString(got),
                    Arrays.deepToString(want)).isTrue();
            for (int c = 0; c < want.length; c++) {
                if (want[c] != null) {
                    assertThat(got[c]).as("class of %s", want[c]).hasSameClassAs(want[c]);
                }
            }
        }
    }

    @Test
    void everyValueTypeRoundTripsWithItsClassAndPrecision() {
        Table t = table(EVERY_TYPE, EVERY_TYPE.clone());
        Table back = TableDecoder.decode(encode(t));
        assertSame(back, t);
        ZonedDateTime zoned = (ZonedDateTime) back.rows().get(0).raw()[29];
        assertThat(zoned.getOffset()).as("the later offset of an overlap kept").isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void aTableWithoutRowsKeepsItsColumns() {
        Table t = table();
        assertSame(TableDecoder.decode(encode(t)), t);
        Table none = Table.of(List.of(), List.of());
        assertThat(TableDecoder.decode(encode(none)).columns()).isEmpty();
    }

    @Test
    void whatPostgresReturnsRoundTrips() {
        SQLConnection pg = postgres(uniqueName("format"));
        try {
            Table t = pg.query("select 1::int4 i, 2::int8 l, 3::int2 s, 1.50::numeric d, 2.5::float8 f, 1.5::float4 r, "
                    + "true b, 'x'::text t, '\\x00ff'::bytea y, date '2024-02-29' dt, time '13:14:15.123' tm, "
                    + "timestamp '2024-01-02 03:04:05.678901' ts, timestamptz '2024-01-02 03:04:05+02' tz, "
                    + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid u, array[1,2,null]::int4[] ai, "
                    + "array['a','b']::text[] at, array[[1,2],[3,4]]::int8[] aa, null::text n");
            assertSame(TableDecoder.decode(encode(t)), t);
        } finally {
            pg.close();
        }
    }

    @Test
    void aDriverObjectOutsideTheFormatIsUnencodableNotSerialized() {
        SQLConnection pg = postgres(uniqueName("format"));
        try {
            Table t = pg.query("select '{\"a\":1}'::json j, interval '1 day' i");
            assertThatThrownBy(() -> TableEncoder.encode(t)).isInstanceOf(TableEncoder.Unencodable.class)
                    .hasMessageContaining("org.postgresql.util.PG");
        } finally {
            pg.close();
        }
        assertThatThrownBy(() -> TableEncoder.encode(table(new Object[] {new StringBuilder("x"), 1})))
                .isInstanceOf(TableEncoder.Unencodable.class).hasMessage("java.lang.StringBuilder");
        assertThatThrownBy(() -> TableEncoder.encode(table(new Object[] {new Thread[0], 1})))
                .isInstanceOf(TableEncoder.Unencodable.class);
    }

    @Test
    void anotherMagicAnUnknownVersionAndABadChecksumAreRefusedByName() {
        byte[] good = encode(table(EVERY_TYPE));
        byte[] magic = good.clone();
        magic[0] = (byte) 0xAC; // what Java serialization starts with
        assertThatThrownBy(() -> TableDecoder.decode(magic)).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("do not start with \"CDIT\"");
        byte[] version = good.clone();
        version[4] = 2;
        assertThatThrownBy(() -> TableDecoder.decode(version)).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("version 2").hasMessageContaining("reads version 1");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertThatThrownBy(() -> TableDecoder.decode(flipped)).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> TableDecoder.decode(new byte[3])).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> TableDecoder.decode(null)).isInstanceOf(TableFormatException.class);
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] good = encode(table(EVERY_TYPE));
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThatThrownBy(() -> TableDecoder.decode(cut)).as("cut at %d", len)
                    .isInstanceOf(TableFormatException.class);
            byte[] resealed = sealed(cut);
            if (len < good.length - 4) { // all but the checksum, resealed, is the whole table
                assertThatThrownBy(() -> TableDecoder.decode(resealed)).as("cut at %d, checksum fixed", len)
                        .isInstanceOf(TableFormatException.class);
            }
        }
    }

    @Test
    void anAbsurdLengthIsRefusedBeforeAnyAllocation() {
        // header, one column whose name claims 2^31 - 1 bytes, and a valid checksum
        byte[] body = Arrays.copyOf(new byte[] {'C', 'D', 'I', 'T', 1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, 0x07}, 21);
        assertThatThrownBy(() -> TableDecoder.decode(sealed(body))).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("a length of 2147483647 with 10 bytes left");
        byte[] rows = {'C', 'D', 'I', 'T', 1, 1, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        assertThatThrownBy(() -> TableDecoder.decode(sealed(rows))).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("268435455 rows of 1 columns cannot fit in 0 bytes");
        byte[] primitives = {'C', 'D', 'I', 'T', 1, 1, 0, 0, 0, 0, 0, 0, 1, TableFormat.PRIMITIVE_ARRAY,
                TableFormat.LONG, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThatThrownBy(() -> TableDecoder.decode(sealed(primitives))).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("a length of 2147483647");
    }

    @Test
    void randomByteFlipsWithAResealedChecksumNeverThrowAnythingButTheFormatError() {
        byte[] good = encode(table(EVERY_TYPE, EVERY_TYPE));
        Random random = new Random(20);
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bad = Arrays.copyOf(good, good.length - 4);
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bad[5 + random.nextInt(bad.length - 5)] = (byte) random.nextInt(256);
            }
            try {
                TableDecoder.decode(sealed(bad));
            } catch (TableFormatException e) {
                refused++;
            } catch (Throwable other) {
                throw new AssertionError("round " + round + " threw " + other, other);
            }
        }
        assertThat(refused).as("most flips make input this format refuses").isGreaterThan(10_000);
    }

    /** The bytes with a correct checksum appended, so the structure checks, not the checksum, meet the damage. */
    private static byte[] sealed(byte[] withoutChecksum) {
        CRC32C crc = new CRC32C();
        crc.update(withoutChecksum);
        return ByteBuffer.allocate(withoutChecksum.length + 4).put(withoutChecksum).putInt((int) crc.getValue()).array();
    }
}
