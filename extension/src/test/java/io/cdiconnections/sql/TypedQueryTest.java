package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sql.query(sql, options, Type.class)} gives what {@code sql.query(sql, options).as(Type.class)}
 * gives, on H2, PostgreSQL and MariaDB: the same values for every column type against every type
 * {@code Values} converts to (the typed getters where column and member agree, {@code getObject}
 * and the conversion elsewhere), the same nulls, and the same exceptions with the same messages;
 * so does a typed stream, which maps all but its first row the same way.
 */
class TypedQueryTest {

    /** A wide table on each database: the common columns, then some of its own. */
    enum Db {
        H2("int", "smallint", "bigint", "double precision", "real", "boolean", "decimal(10,2)", "timestamp", "varbinary(8)",
                ", ti tinyint, tstz timestamp with time zone, tm time, u uuid, txt clob",
                "1, timestamp with time zone '2026-03-01 10:00:00+02', time '12:34:56', "
                        + "'5b7d3a2e-9f0a-4c53-8f8e-7a1b2c3d4e5f', 'long text'",
                "-128, timestamp with time zone '1999-12-31 23:59:59.123456-05', time '00:00:01', "
                        + "'00000000-0000-0000-0000-000000000000', ''"),
        POSTGRES("int", "smallint", "bigint", "double precision", "real", "boolean", "decimal(10,2)", "timestamp", "bytea",
                ", tstz timestamptz, tm time, u uuid, txt text, num numeric, bt bit(1), js json",
                "timestamptz '2026-03-01 10:00:00+02', time '12:34:56.789', '5b7d3a2e-9f0a-4c53-8f8e-7a1b2c3d4e5f', "
                        + "'b', 3.5, B'1', '{\"a\": 1}'",
                "timestamptz '1999-12-31 23:59:59.123456-05', time '00:00:01', "
                        + "'00000000-0000-0000-0000-000000000000', 'a', 'NaN', B'0', '[]'"),
        MARIADB("int", "smallint", "bigint", "double", "float", "boolean", "decimal(10,2)", "datetime(6)", "varbinary(8)",
                ", ti tinyint, ubi bigint unsigned, ui int unsigned, bt bit(1), bt8 bit(8), tm time(3), txt text, "
                        + "en enum('a','b'), blb blob",
                "7, 18446744073709551615, 4294967295, b'1', b'10101010', '12:34:56.789', 'x', 'b', x'0102'",
                "-1, 1, 0, b'0', b'0', '00:00:01', '', 'a', x''");

        final String intType;
        final String smallint;
        final String bigint;
        final String doubleType;
        final String realType;
        final String booleanType;
        final String decimal;
        final String timestamp;
        final String binary;
        final String extraColumns;
        final String extraValues1;
        final String extraValues2;

        Db(String intType, String smallint, String bigint, String doubleType, String realType, String booleanType,
                String decimal, String timestamp, String binary, String extraColumns, String extraValues1,
                String extraValues2) {
            this.intType = intType;
            this.smallint = smallint;
            this.bigint = bigint;
            this.doubleType = doubleType;
            this.realType = realType;
            this.booleanType = booleanType;
            this.decimal = decimal;
            this.timestamp = timestamp;
            this.binary = binary;
            this.extraColumns = extraColumns;
            this.extraValues1 = extraValues1;
            this.extraValues2 = extraValues2;
        }

        SQLConnection open(String name, String... extra) {
            return switch (this) {
                case H2 -> SqlTestSupport.h2(name, extra);
                case POSTGRES -> SqlTestSupport.postgres(name, extra);
                case MARIADB -> SqlTestSupport.mariadb(name, extra);
            };
        }
    }

    /** An enum values of text columns may convert to. */
    enum Letter { A, B, X }

    private static final List<Class<?>> TARGETS = List.of(int.class, Integer.class, long.class, Long.class, short.class,
            Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class, boolean.class,
            Boolean.class, char.class, Character.class, String.class, BigDecimal.class, BigInteger.class,
            LocalDateTime.class, LocalDate.class, LocalTime.class, OffsetDateTime.class, Instant.class,
            java.sql.Timestamp.class, java.sql.Date.class, byte[].class, UUID.class, Letter.class, Object.class);

    private final List<SQLConnection> opened = new ArrayList<>();
    private String table;

    @AfterEach
    void dropAndClose() {
        for (SQLConnection sql : opened) {
            try {
                sql.update("drop table if exists " + table);
            } finally {
                sql.close();
            }
        }
    }

    /** A connection with the wide table: row 1 ordinary values, row 2 every column NULL, row 3 edge values. */
    private SQLConnection wide(Db db, String... extra) {
        SQLConnection sql = db.open(uniqueName("typed_" + db.name().toLowerCase()), extra);
        opened.add(sql);
        table = "typed_" + ProcessHandle.current().pid() + "_" + db.ordinal();
        sql.update("drop table if exists " + table);
        sql.update("create table " + table + " (id int primary key, i " + db.intType + ", si " + db.smallint
                + ", bi " + db.bigint + ", d " + db.doubleType + ", r " + db.realType + ", b " + db.booleanType
                + ", vc varchar(40), ch char(3), price " + db.decimal + ", ts " + db.timestamp + ", dt date, bin "
                + db.binary + db.extraColumns + ")");
        String bin1 = db == Db.POSTGRES ? "'\\x0102ff'::bytea" : "x'0102ff'";
        String bin3 = db == Db.POSTGRES ? "''::bytea" : "x''";
        sql.update("insert into " + table + " values (1, 42, 7, 9000000000, 2.5, 1.1, true, 'b', 'x', 12.25, "
                + "timestamp '2026-01-02 03:04:05.123456', date '2026-01-02', " + bin1 + ", " + db.extraValues1 + ")");
        sql.update("insert into " + table + " (id) values (2)");
        sql.update("insert into " + table + " values (3, -2147483648, 0, -1, -0.0, 3.4e38, false, "
                + "'5b7d3a2e-9f0a-4c53-8f8e-7a1b2c3d4e5f', 'abc', -0.01, timestamp '1970-01-01 00:00:00', "
                + "date '1600-02-29', " + bin3 + ", " + db.extraValues2 + ")");
        return sql;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyColumnIntoEveryTypeGivesWhatQueryAsGivesTypedStreamsToo(Db db) {
        SQLConnection sql = wide(db);
        List<String> columns = sql.query("select * from " + table + " where 1 = 0").columnNames();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String column : columns) {
            String q = "select " + column + " from " + table + " order by id";
            for (Class<?> type : TARGETS) {
                String expected = outcome(() -> sql.query(q).as(type));
                String actual = outcome(() -> sql.query(q, QueryOptions.defaults(), type));
                String streamed = outcome(() -> {
                    try (Stream<?> rows = sql.stream(q, QueryOptions.defaults(), type)) {
                        return rows.toList();
                    }
                });
                compared++;
                if (!expected.equals(actual) || !expected.equals(streamed)) {
                    differences.add(column + " -> " + type.getSimpleName() + ": as() " + expected + ", typed " + actual
                            + ", typed stream " + streamed);
                }
            }
        }
        assertThat(differences).as("columns and types where the typed query differs from query().as()").isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(13 * TARGETS.size());
    }

    /** Every common column in its natural type, boxed: row 2 is all NULL. */
    record Natural(int id, Integer i, Integer si, Long bi, Double d, Float r, Boolean b, String vc, String ch,
            BigDecimal price, LocalDateTime ts, LocalDate dt, byte[] bin) {
    }

    /** The same columns converted: fallbacks to getObject and the conversion. */
    record Converted(long id, String i, Long si, BigDecimal bi, Float d, Double r, Integer b, Letter ch,
            Double price, LocalDate ts, String dt, Object bin) {
    }

    record Primitives(int id, int i, short si, long bi, double d, float r, boolean b) {
    }

    /** A bean: setters for some properties, fields for others. */
    static class NaturalBean {
        Integer i;
        String vc;
        LocalDateTime ts;
        private BigDecimal price;
        private Boolean flag;

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        public void setB(Boolean b) {
            this.flag = b;
        }

        @Override
        public String toString() {
            return i + "|" + vc + "|" + ts + "|" + price + "|" + flag;
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void recordsBeansAndValuesMapAsTableAsMapsThemNullsIncluded(Db db) {
        SQLConnection sql = wide(db);
        String all = "select * from " + table + " order by id";
        List<Natural> natural = sql.query(all, QueryOptions.defaults(), Natural.class);
        assertThat(repr(natural)).isEqualTo(repr(sql.query(all).as(Natural.class)));
        assertThat(natural.get(0).ts()).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(natural.get(0).price()).isEqualTo(new BigDecimal("12.25"));
        assertThat(natural.get(0).bin()).containsExactly(1, 2, -1);
        assertThat(natural.get(1)).isEqualTo(new Natural(2, null, null, null, null, null, null, null, null, null, null,
                null, null));

        assertThat(outcome(() -> sql.query(all, Map.of(), Converted.class)))
                .isEqualTo(outcome(() -> sql.query(all).as(Converted.class)));
        String ordinary = "select * from " + table + " where id < 3 order by id";
        assertThat(outcome(() -> sql.query(ordinary, Map.of(), Converted.class)))
                .isEqualTo(outcome(() -> sql.query(ordinary).as(Converted.class))).contains("ch=Letter:X");
        String notNull = "select * from " + table + " where id <> 2 order by id";
        assertThat(sql.query(notNull, Map.of(), Primitives.class)).isEqualTo(sql.query(notNull).as(Primitives.class))
                .hasSize(2);
        assertThat(sql.query(all, Map.of(), NaturalBean.class).toString())
                .isEqualTo(sql.query(all).as(NaturalBean.class).toString()).contains("42|b|2026-01-02T03:04:05.123456|12.25|true");
        assertThat(sql.query("select vc from " + table + " where id = :id", Map.of("id", 1), String.class))
                .containsExactly("b");
    }

    record Unmatched(long id, String nickname) {
    }

    record NotNull(int id, int i) {
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMissingColumnAndANullIntoAPrimitiveFailWithTheMessagesOfAs(Db db) {
        SQLConnection sql = wide(db);
        String q = "select id, i from " + table + " order by id";
        String missing = outcome(() -> sql.query(q).as(Unmatched.class));
        assertThat(missing).startsWith("QueryException: No column of the result fills the component 'nickname'");
        assertThat(outcome(() -> sql.query(q, QueryOptions.defaults(), Unmatched.class))).isEqualTo(missing);
        // even with no row: the plan is made from the columns
        assertThat(outcome(() -> sql.query(q + " limit 0", QueryOptions.defaults(), Unmatched.class)))
                .isEqualTo(missing);
        String nullInt = outcome(() -> sql.query(q).as(NotNull.class));
        assertThat(nullInt).containsIgnoringCase("Column 'i' is NULL but 'i' is a int, which cannot hold null");
        assertThat(outcome(() -> sql.query(q, QueryOptions.defaults(), NotNull.class))).isEqualTo(nullInt);
        assertThat(outcome(() -> sql.query(q, QueryOptions.defaults(), String.class)))
                .isEqualTo(outcome(() -> sql.query(q).as(String.class))).contains("the result has 2 columns");
    }

    @Test
    void limitsAndTheNoResultSetErrorAreThoseOfQuery() {
        SQLConnection sql = wide(Db.H2);
        assertThat(sql.query("select id from " + table + " order by id", QueryOptions.defaults().maxRows(2), Long.class))
                .containsExactly(1L, 2L);
        String update = "update " + table + " set vc = 'z' where id = 1";
        assertThat(outcome(() -> sql.query(update, QueryOptions.defaults(), String.class)))
                .isEqualTo(outcome(() -> sql.query(update))).contains("update()");
    }

    @Test
    void withATtlTheResultIsCachedAsATableAndMappedFromIt() {
        SQLConnection sql = wide(Db.H2);
        QueryOptions ttl = QueryOptions.defaults().ttl(Duration.ofMinutes(5));
        String q = "select id, vc from " + table + " where id = 1";
        record Small(int id, String vc) {
        }
        assertThat(sql.query(q, ttl, Small.class)).containsExactly(new Small(1, "b"));
        assertThat(sql.caches().local().size()).isEqualTo(1);
        sql.update("update " + table + " set vc = 'changed' where id = 1");
        assertThat(sql.query(q, ttl, Small.class)).as("served from the cache").containsExactly(new Small(1, "b"));
        assertThat(sql.query(q, ttl).as(Small.class)).as("the same entry as query()").containsExactly(new Small(1, "b"));
        assertThat(sql.query(q, QueryOptions.defaults(), Small.class)).as("no ttl: the database")
                .containsExactly(new Small(1, "changed"));
        // query_ttl in the parameters counts as a ttl too; a result that does not map is still kept, as with as()
        SQLConnection cached = wide(Db.H2, "query_ttl", "600");
        String missing = "select id from " + table;
        assertThatThrownBy(() -> cached.query(missing, QueryOptions.defaults(), Unmatched.class))
                .isInstanceOf(QueryException.class);
        assertThat(cached.caches().local().size()).isEqualTo(1);
        assertThat(cached.query(missing, QueryOptions.defaults(), Long.class)).hasSize(3);
    }

    // ------------------------------------------------------------------ helpers

    /** @return the value made comparable (arrays by content, records by components), or the exception and its message */
    private static String outcome(Supplier<?> call) {
        try {
            return repr(call.get());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String repr(Object v) {
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(e -> out.add(repr(e)));
            return out.toString();
        }
        if (v instanceof byte[] b) {
            return "bytes" + Arrays.toString(b);
        }
        if (v != null && v.getClass().isRecord()) {
            List<String> out = new ArrayList<>();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    out.add(c.getName() + "=" + repr(c.getAccessor().invoke(v)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out.toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }
}
