package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdiconnections.sql.elsewhere.Elsewhere;

/**
 * How {@link Table#as(Class)} makes records since it binds their constructors and keeps its
 * plans (issue 16): the same objects, conversions and messages as by reflection, whatever the
 * record's access, arity or the classes a column's values come in.
 */
class RecordMappingTest {

    record Item(int id, String name, BigDecimal price, LocalDateTime created, boolean active) {
    }

    private record Hidden(long id, LocalDate day, LocalTime at) {
    }

    record Wide(int c1, int c2, int c3, int c4, int c5, int c6, int c7, int c8, int c9, int c10, int c11, int c12,
            int c13) {
    }

    record Twelve(int c1, int c2, int c3, int c4, int c5, int c6, int c7, int c8, int c9, int c10, int c11,
            String c12) {
    }

    record Strict(String name) {
        Strict {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
        }
    }

    record Asserting(int n) {
        Asserting {
            if (n < 0) {
                throw new AssertionError("negative");
            }
        }
    }

    /** A class whose initialization fails. */
    static final class Exploding {
        static final int VALUE = explode();

        private static int explode() {
            throw new IllegalStateException("boom");
        }
    }

    record Initializing(int n) {
        Initializing {
            n += Exploding.VALUE;
        }
    }

    private static Column column(String name, JDBCType type) {
        return new Column(name, type.getVendorTypeNumber(), type.getName());
    }

    private static Table table(List<Column> columns, Object[]... rows) {
        return Table.of(columns, List.of(rows));
    }

    @Test
    void aRecordOfThisLoaderIsMadeWithoutReflectionAndEqualsWhatReflectionMakes() throws Exception {
        RecordConstructor bound = RecordShape.of(Item.class).constructor(Item.class);
        assertThat(bound.bound()).isTrue();
        Timestamp ts = Timestamp.valueOf("2026-01-02 03:04:05.123456789");
        Table t = table(List.of(column("id", JDBCType.INTEGER), column("name", JDBCType.VARCHAR),
                column("price", JDBCType.DECIMAL), column("created", JDBCType.TIMESTAMP),
                column("active", JDBCType.BOOLEAN)),
                new Object[] {1, "a", new BigDecimal("1.25"), ts, true},
                new Object[] {2, null, null, null, false});
        Item byReflection = Item.class.getDeclaredConstructor(int.class, String.class, BigDecimal.class,
                LocalDateTime.class, boolean.class).newInstance(1, "a", new BigDecimal("1.25"), ts.toLocalDateTime(), true);
        assertThat(t.as(Item.class)).containsExactly(byReflection, new Item(2, null, null, null, false));
    }

    @Test
    void recordsOfAnotherPackageAreBoundPublicOrNot() {
        assertThat(RecordShape.of(Elsewhere.Open.class).constructor(Elsewhere.Open.class).bound()).isTrue();
        Class<?> closed = Elsewhere.closed();
        assertThat(RecordShape.of(closed).constructor(closed).bound()).isTrue();
        Table t = table(List.of(column("id", JDBCType.INTEGER), column("name", JDBCType.VARCHAR),
                column("active", JDBCType.BOOLEAN)), new Object[] {5, "five", true});
        assertThat(t.as(Elsewhere.Open.class)).containsExactly(new Elsewhere.Open(5, "five"));
        List<Object> closedRows = new ArrayList<>(t.as(closed));
        assertThat(closedRows).containsExactly(Elsewhere.closed(5, true));
    }

    @Test
    void aPrivateRecordIsBoundAndItsSqlDatesConvert() {
        assertThat(RecordShape.of(Hidden.class).constructor(Hidden.class).bound()).isTrue();
        Table t = table(List.of(column("id", JDBCType.INTEGER), column("day", JDBCType.DATE), column("at", JDBCType.TIME)),
                new Object[] {7, java.sql.Date.valueOf("2026-02-03"), java.sql.Time.valueOf("04:05:06")});
        assertThat(t.as(Hidden.class)).containsExactly(new Hidden(7L, LocalDate.of(2026, 2, 3), LocalTime.of(4, 5, 6)));
    }

    @Test
    void twelveComponentsAreBoundAndThirteenAreMadeByReflectionAlike() {
        assertThat(RecordShape.of(Twelve.class).constructor(Twelve.class).bound()).isTrue();
        assertThat(RecordShape.of(Wide.class).constructor(Wide.class).bound()).isFalse();
        List<Column> cols = new ArrayList<>();
        Object[] values = new Object[13];
        for (int i = 0; i < 13; i++) {
            cols.add(column("c" + (i + 1), JDBCType.INTEGER));
            values[i] = i + 1;
        }
        assertThat(table(cols, values).as(Wide.class)).containsExactly(new Wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
        values[11] = "twelve";
        assertThat(table(cols.subList(0, 12), java.util.Arrays.copyOf(values, 12)).as(Twelve.class))
                .containsExactly(new Twelve(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "twelve"));
    }

    @Test
    void whatTheConstructorThrowsIsNamedAsTheConstructorsFailure() {
        Table t = table(List.of(column("name", JDBCType.VARCHAR)), new Object[] {""});
        assertThatThrownBy(() -> t.as(Strict.class)).isInstanceOf(QueryException.class)
                .hasMessage("Mapping a row to " + Strict.class.getName() + " failed: its constructor or a setter threw "
                        + "java.lang.IllegalArgumentException: empty name.");
        Table negative = table(List.of(column("n", JDBCType.INTEGER)), new Object[] {-1});
        assertThatThrownBy(() -> negative.as(Asserting.class)).isInstanceOf(QueryException.class)
                .hasMessageContaining("its constructor or a setter threw java.lang.AssertionError: negative");
    }

    @Test
    void anErrorFromTheConstructorIsNamedAsReflectionNamedIt() {
        // reflection wrapped every Throwable of the constructor; the bound call reports it the same way
        Table t = table(List.of(column("n", JDBCType.INTEGER)), new Object[] {1});
        assertThatThrownBy(() -> t.as(Initializing.class)).isInstanceOf(QueryException.class)
                .hasMessageContaining("Mapping a row to " + Initializing.class.getName() + " failed: its constructor or a "
                        + "setter threw java.lang.ExceptionInInitializerError");
    }

    @Test
    void aValueThatDoesNotConvertIsNamedAsTheValuesFailureNotTheConstructors() {
        Table t = table(List.of(column("id", JDBCType.INTEGER), column("day", JDBCType.VARCHAR),
                column("at", JDBCType.TIME)), new Object[] {1, "not a date", null});
        assertThatThrownBy(() -> t.as(Hidden.class)).isInstanceOf(QueryException.class)
                .hasMessageContaining("day")
                .hasMessageNotContaining("constructor");
        Table nulls = table(List.of(column("id", JDBCType.INTEGER), column("day", JDBCType.DATE),
                column("at", JDBCType.TIME)), new Object[] {null, null, null});
        assertThatThrownBy(() -> nulls.as(Hidden.class)).isInstanceOf(QueryException.class)
                .hasMessageContaining("id").hasMessageNotContaining("constructor");
    }

    @Test
    void aColumnWhoseValuesChangeClassConvertsEachValue() {
        // the plan remembers the class it saw last per member; a value of another class is converted anew
        Table t = table(List.of(column("id", JDBCType.BIGINT), column("day", JDBCType.DATE), column("at", JDBCType.TIME)),
                new Object[] {1, java.sql.Date.valueOf("2026-01-01"), null},
                new Object[] {2L, Timestamp.valueOf("2026-01-02 10:00:00"), LocalTime.NOON},
                new Object[] {new BigDecimal("3"), LocalDate.of(2026, 1, 3), java.sql.Time.valueOf("01:02:03")},
                new Object[] {(short) 4, java.sql.Date.valueOf("2026-01-04"), null});
        assertThat(t.as(Hidden.class)).containsExactly(
                new Hidden(1, LocalDate.of(2026, 1, 1), null),
                new Hidden(2, LocalDate.of(2026, 1, 2), LocalTime.NOON),
                new Hidden(3, LocalDate.of(2026, 1, 3), LocalTime.of(1, 2, 3)),
                new Hidden(4, LocalDate.of(2026, 1, 4), null));
    }

    @Test
    void equalColumnsReuseTheirPlanAndOtherColumnsGetTheirOwn() {
        List<Column> cols = List.of(column("id", JDBCType.INTEGER), column("day", JDBCType.DATE), column("at", JDBCType.TIME));
        MappingPlan<Hidden> first = MappingPlan.of(Hidden.class, cols);
        assertThat(MappingPlan.of(Hidden.class, new ArrayList<>(cols))).isSameAs(first);
        List<Column> renamed = List.of(column("at", JDBCType.TIME), column("day", JDBCType.DATE), column("id", JDBCType.INTEGER));
        MappingPlan<Hidden> other = MappingPlan.of(Hidden.class, renamed);
        assertThat(other).isNotSameAs(first);
        assertThat(other.column(0)).isEqualTo(2);
        assertThat(first.column(0)).isEqualTo(0);
        List<Column> retyped = List.of(column("id", JDBCType.BIGINT), column("day", JDBCType.DATE), column("at", JDBCType.TIME));
        assertThat(MappingPlan.of(Hidden.class, retyped)).isNotSameAs(first);
    }

    @Test
    void onlyTheNewestPlansOfAClassAreKept() {
        List<List<Column>> lists = new ArrayList<>();
        for (int i = 0; i <= MappingPlans.PER_TYPE; i++) {
            lists.add(List.of(column("name", JDBCType.VARCHAR), column("extra" + i, JDBCType.INTEGER)));
        }
        List<MappingPlan<Strict>> plans = new ArrayList<>();
        for (List<Column> cols : lists) {
            plans.add(MappingPlan.of(Strict.class, cols));
        }
        assertThat(MappingPlan.of(Strict.class, lists.get(MappingPlans.PER_TYPE))).isSameAs(plans.get(MappingPlans.PER_TYPE));
        assertThat(MappingPlan.of(Strict.class, lists.get(0))).isNotSameAs(plans.get(0));
    }

    @Test
    void aPlanThatCannotBeMadeFailsEveryTime() {
        List<Column> cols = List.of(column("nothing", JDBCType.INTEGER));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> MappingPlan.of(Item.class, cols)).isInstanceOf(QueryException.class)
                    .hasMessageContaining("id");
        }
    }

    @Test
    void plansAreNotKeptOnClassesOfALoaderAboveTheLibrarys() {
        assertThat(MappingPlans.keptFor(String.class)).isFalse();
        assertThat(MappingPlans.keptFor(Item.class)).isTrue();
        List<Column> cols = List.of(column("name", JDBCType.VARCHAR));
        assertThat(MappingPlan.of(String.class, cols)).isNotSameAs(MappingPlan.of(String.class, cols));
        assertThat(table(cols, new Object[] {"x"}, new Object[] {null}).as(String.class)).containsExactly("x", null);
    }
}
