package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/**
 * A {@link Table}'s {@link Row}s are made on the first call that hands one out, all at once, and
 * are then the same objects on every call and in every thread; the values are there from the
 * start, for {@link Table#get}, {@link Table#as} and the rest.
 */
class TableRowsTest {

    private static Table pets() {
        List<Column> columns = List.of(new Column("id", Types.INTEGER, "int4"), new Column("name", Types.VARCHAR, "varchar"));
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(new Object[] {i, "pet " + i});
        }
        return Table.of(columns, data);
    }

    record Pet(int id, String name) {
    }

    @Test
    void everyCallHandsOutTheSameRows() {
        Table t = pets();
        Row first = t.row(0);

        assertThat(t.rows().get(0)).isSameAs(first);
        assertThat(t.iterator().next()).isSameAs(first);
        assertThat(t.stream().findFirst()).containsSame(first);
        assertThat(t.rows()).isSameAs(t.rows()).isEqualTo(t.rows());
        assertThat(t.indexBy("id").get(0)).isSameAs(first);
    }

    @Test
    void valuesAreReadWithoutRows() {
        Table t = pets();

        assertThat(t.size()).isEqualTo(1000);
        assertThat(t.get(7, "name")).isEqualTo("pet 7");
        assertThat(t.get(7, 0)).isEqualTo(7);
        assertThat(t.column("id")).hasSize(1000).startsWith(0, 1, 2);
        assertThat(t.as(Pet.class)).hasSize(1000).startsWith(new Pet(0, "pet 0"));
        assertThat(t.toString()).isEqualTo("Table[id, name] (1000 rows)");
        assertThatThrownBy(() -> t.get(1000, "name")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.get(0, "owner")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThat(rowsMade(t)).as("no Row made by the reads above").isFalse();
        assertThat(t.row(999).get("name")).isEqualTo("pet 999");
        assertThat(rowsMade(t)).isTrue();
    }

    private static boolean rowsMade(Table t) {
        try {
            java.lang.reflect.Field rows = Table.class.getDeclaredField("rows");
            rows.setAccessible(true);
            return rows.get(t) != null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void threadsAskingAtOnceGetTheSameRows() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int run = 0; run < 50; run++) {
                Table t = pets();
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<List<Row>>> asks = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    asks.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return t.rows();
                    }, threads));
                }
                go.countDown();
                for (CompletableFuture<List<Row>> ask : asks) {
                    assertThat(ask.get()).isSameAs(t.rows());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
