package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * A kept plan of a record maps a {@link Table}'s rows through a class of its own from its second
 * table on ({@link RecordRows}, issue 16): the same records, conversions and messages as the
 * shared mapper makes, whatever the arity or the classes the values come in.
 */
class RecordRowsTest {

    record Owned(long id, String name, BigDecimal price, LocalDateTime created, Timestamp stamp, boolean active) {
    }

    record Once(int id) {
    }

    record Flagged(boolean active, long id) {
    }

    record Empty(int id) {
    }

    record Picky(String name) {
        Picky {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
        }
    }

    record Thirteen(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m) {
    }

    record R1(int a) { }
    record R2(int a, int b) { }
    record R3(int a, int b, int c) { }
    record R4(int a, int b, int c, int d) { }
    record R5(int a, int b, int c, int d, int e) { }
    record R6(int a, int b, int c, int d, int e, int f) { }
    record R7(int a, int b, int c, int d, int e, int f, int g) { }
    record R8(int a, int b, int c, int d, int e, int f, int g, int h) { }
    record R9(int a, int b, int c, int d, int e, int f, int g, int h, int i) { }
    record R10(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) { }
    record R11(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k) { }
    record R12(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l) { }

    private static Column column(String name, JDBCType type) {
        return new Column(name, type.getVendorTypeNumber(), type.getName());
    }

    private static Table table(List<Column> columns, Object[]... rows) {
        return Table.of(columns, List.of(rows));
    }

    /** @return whether the mapper is a copy of the template: a hidden class of its name */
    private static boolean own(RowMapper<?> mapper) {
        return mapper.getClass().isHidden() && mapper.getClass().getName().startsWith(RecordRowsTemplate.class.getName() + "/");
    }

    private static final List<Column> OWNED = List.of(column("active", JDBCType.BOOLEAN), column("id", JDBCType.BIGINT),
            column("name", JDBCType.VARCHAR), column("price", JDBCType.DECIMAL), column("created", JDBCType.TIMESTAMP),
            column("stamp", JDBCType.TIMESTAMP));

    @Test
    void aPlansSecondTableGoesThroughAClassOfItsOwnAndMapsAlike() {
        Timestamp ts = Timestamp.valueOf("2026-01-02 03:04:05.123456789");
        Table t = table(OWNED, new Object[] {true, 1L, "a", new BigDecimal("1.25"), ts, ts},
                new Object[] {false, 2L, null, null, null, null});
        MappingPlan<Owned> plan = MappingPlan.of(Owned.class, OWNED);
        List<Owned> first = t.as(Owned.class);
        assertThat(plan.madeRows()).isNull();
        RowMapper<Owned> own = plan.rows();
        assertThat(own).matches(RecordRowsTest::own);
        assertThat(plan.rows()).isSameAs(own);
        List<Owned> second = t.as(Owned.class);
        assertThat(second).isEqualTo(first).containsExactly(
                new Owned(1, "a", new BigDecimal("1.25"), ts.toLocalDateTime(), ts, true),
                new Owned(2, null, null, null, null, false));
        assertThat(second.get(0).stamp()).isSameAs(ts); // a Timestamp component takes the value as it is
    }

    @Test
    void aQueryMappedOnceDefinesNoClass() {
        List<Column> cols = List.of(column("id", JDBCType.INTEGER));
        assertThat(table(cols, new Object[] {1}).as(Once.class)).containsExactly(new Once(1));
        assertThat(MappingPlan.of(Once.class, cols).madeRows()).isNull();
    }

    @Test
    void emptyTablesAndTypedStreamsAreNotUsesThatMakeAClass() {
        List<Column> cols = List.of(column("id", JDBCType.INTEGER));
        MappingPlan<Empty> plan = MappingPlan.of(Empty.class, cols);
        assertThat(table(cols).as(Empty.class)).isEmpty();
        assertThat(table(cols).as(Empty.class)).isEmpty();
        plan.sharedRows();
        assertThat(plan.madeRows()).isNull();
        assertThat(table(cols, new Object[] {4}).as(Empty.class)).containsExactly(new Empty(4));
        assertThat(plan.madeRows()).isNull();
        assertThat(table(cols, new Object[] {5}).as(Empty.class)).containsExactly(new Empty(5));
        assertThat(plan.madeRows()).matches(RecordRowsTest::own);
    }

    @Test
    void valuesOfAnotherClassThanBeforeAreConvertedByThePlan() {
        Timestamp ts = Timestamp.valueOf("2026-03-04 05:06:07");
        List<Column> cols = new ArrayList<>(OWNED);
        Collections.rotate(cols, 1); // columns of their own, so a plan of its own
        Table before = table(cols, new Object[] {ts, true, 1L, "a", new BigDecimal("1"), ts});
        before.as(Owned.class);
        before.as(Owned.class);
        assertThat(MappingPlan.of(Owned.class, cols).rows()).matches(RecordRowsTest::own);
        Table after = table(cols, new Object[] {ts, true, 2, "b", 3, LocalDateTime.of(2026, 1, 1, 0, 0)},
                new Object[] {null, false, (short) 3, "c", 4.5d, ts});
        assertThat(after.as(Owned.class)).containsExactly(
                new Owned(2, "b", new BigDecimal("3"), LocalDateTime.of(2026, 1, 1, 0, 0), ts, true),
                new Owned(3, "c", new BigDecimal("4.5"), ts.toLocalDateTime(), null, false));
    }

    @Test
    void failuresAreReportedAsTheSharedMapperReportsThem() {
        List<Column> cols = List.of(column("name", JDBCType.VARCHAR));
        Table good = table(cols, new Object[] {"x"});
        good.as(Picky.class);
        assertThat(good.as(Picky.class)).containsExactly(new Picky("x"));
        assertThat(MappingPlan.of(Picky.class, cols).rows()).matches(RecordRowsTest::own);
        assertThatThrownBy(() -> table(cols, new Object[] {""}).as(Picky.class)).isInstanceOf(QueryException.class)
                .hasMessage("Mapping a row to " + Picky.class.getName() + " failed: its constructor or a setter threw "
                        + "java.lang.IllegalArgumentException: empty name.");
        assertThatThrownBy(() -> table(cols, new Object[] {null}).as(Picky.class)).isInstanceOf(QueryException.class)
                .hasMessageContaining("java.lang.NullPointerException");

        List<Column> flags = List.of(column("active", JDBCType.BOOLEAN), column("id", JDBCType.BIGINT));
        Table flagged = table(flags, new Object[] {true, 1L});
        flagged.as(Flagged.class);
        assertThat(flagged.as(Flagged.class)).containsExactly(new Flagged(true, 1L));
        assertThat(MappingPlan.of(Flagged.class, flags).rows()).matches(RecordRowsTest::own);
        assertThatThrownBy(() -> table(flags, new Object[] {null, 1L}).as(Flagged.class))
                .isInstanceOf(QueryException.class).hasMessageContaining("active").hasMessageNotContaining("constructor");
        assertThatThrownBy(() -> table(flags, new Object[] {true, "one"}).as(Flagged.class))
                .isInstanceOf(QueryException.class).hasMessageContaining("id").hasMessageNotContaining("constructor");
    }

    @Test
    void everyBoundArityMapsEachColumnToItsComponent() {
        List<Function<int[], Object>> expected = List.of(v -> new R1(v[0]), v -> new R2(v[0], v[1]),
                v -> new R3(v[0], v[1], v[2]), v -> new R4(v[0], v[1], v[2], v[3]), v -> new R5(v[0], v[1], v[2], v[3], v[4]),
                v -> new R6(v[0], v[1], v[2], v[3], v[4], v[5]), v -> new R7(v[0], v[1], v[2], v[3], v[4], v[5], v[6]),
                v -> new R8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]),
                v -> new R9(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]),
                v -> new R10(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]),
                v -> new R11(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]),
                v -> new R12(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]));
        List<Class<?>> records = List.of(R1.class, R2.class, R3.class, R4.class, R5.class, R6.class, R7.class, R8.class,
                R9.class, R10.class, R11.class, R12.class);
        // the columns in reverse order, so that each component is read from a column not at its own position
        List<Column> cols = new ArrayList<>();
        for (char c = 'l'; c >= 'a'; c--) {
            cols.add(column(String.valueOf(c), JDBCType.INTEGER));
        }
        Object[] values = new Object[12];
        int[] byComponent = new int[12];
        for (int i = 0; i < 12; i++) {
            values[i] = 100 + i;
            byComponent[11 - i] = 100 + i;
        }
        Table t = table(cols, values);
        for (int n = 1; n <= 12; n++) {
            Class<?> type = records.get(n - 1);
            t.as(type);
            assertThat(MappingPlan.of(type, cols).rows()).as("arity %d", n).matches(RecordRowsTest::own);
            assertThat(new ArrayList<Object>(t.as(type))).as("arity %d", n).containsExactly(expected.get(n - 1).apply(byComponent));
        }
    }

    @Test
    void aRecordMadeByReflectionKeepsTheSharedMapper() {
        List<Column> cols = new ArrayList<>();
        Object[] values = new Object[13];
        for (int i = 0; i < 13; i++) {
            cols.add(column(String.valueOf((char) ('a' + i)), JDBCType.INTEGER));
            values[i] = i;
        }
        Table t = table(cols, values);
        t.as(Thirteen.class);
        assertThat(t.as(Thirteen.class)).containsExactly(new Thirteen(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        MappingPlan<Thirteen> plan = MappingPlan.of(Thirteen.class, cols);
        assertThat(plan.madeRows()).isNotNull().matches(r -> !own(r));
    }

    @Test
    void theTemplateLoadedAsItIsRefusesToMap() {
        assertThatThrownBy(() -> new RecordRowsTemplate().map(new Object[] {1})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("template");
    }
}
