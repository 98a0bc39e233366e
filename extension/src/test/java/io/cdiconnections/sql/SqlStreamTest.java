package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.Connections;

/**
 * Streams on H2, PostgreSQL and MariaDB: what they give back (rows, records, chunks) and, above
 * all, that their JDBC connection goes back to the pool however they end (closed, abandoned,
 * exhausted, failed), and that a reset or ttl expiry while one is open retires the pool without
 * closing it under the stream.
 */
class SqlStreamTest {

    /** The three databases, each with a query of {@code n} rows numbered from 1 in a column {@code i}. */
    enum Db {
        H2(SqlTestSupport::h2, "select x as i, 'row ' || x as note from system_range(1, %d)", "jdbc:h2:mem:", "sa"),
        POSTGRES(SqlTestSupport::postgres, "select i, 'row ' || i as note from generate_series(1, %d) i",
                SqlTestSupport.PG_URL, "postgres"),
        MARIADB(SqlTestSupport::mariadb, "select seq as i, concat('row ', seq) as note from seq_1_to_%d",
                SqlTestSupport.MARIADB_URL, "root");

        private final Opener opener;
        private final String rows;
        private final String url;
        private final String user;

        Db(Opener opener, String rows, String url, String user) {
            this.opener = opener;
            this.rows = rows;
            this.url = url;
            this.user = user;
        }

        SQLConnection open(String name) {
            return opener.open(name);
        }

        String rows(int n) {
            return String.format(rows, n);
        }

        String url() {
            return url;
        }

        String user() {
            return user;
        }
    }

    @FunctionalInterface
    interface Opener {
        SQLConnection open(String name, String... extra);
    }

    record Numbered(long i, String note) {
    }

    private final List<SQLConnection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SQLConnection::close);
    }

    private SQLConnection open(Db db) {
        SQLConnection sql = db.open(uniqueName("stream"));
        opened.add(sql);
        return sql;
    }

    private static int active(HikariDataSource pool) {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void closingAStreamGivesItsConnectionBack(Db db) {
        SQLConnection sql = open(db);
        HikariDataSource pool = sql.raw();
        try (Stream<Row> rows = sql.stream(db.rows(100), Map.of())) {
            Iterator<Row> it = rows.iterator();
            assertThat(it.next().get("i", Long.class)).isEqualTo(1L);
            assertThat(active(pool)).as("the stream holds one connection").isEqualTo(1);
        }
        assertThat(active(pool)).as("active connections after close").isZero();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStreamAbandonedAfterTenOfTenThousandRowsGivesItsConnectionBack(Db db) {
        SQLConnection sql = open(db);
        HikariDataSource pool = sql.raw();
        List<Long> read = new ArrayList<>();
        try (Stream<Row> rows = sql.stream(db.rows(10_000), QueryOptions.defaults().fetchSize(100))) {
            rows.limit(10).forEach(r -> read.add(r.get("i", Long.class)));
        }
        assertThat(read).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(active(pool)).isZero();
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStreamReadToItsEndGivesItsConnectionBackWithoutClose(Db db) {
        SQLConnection sql = open(db);
        HikariDataSource pool = sql.raw();
        AtomicLong sum = new AtomicLong();
        Iterator<Row> it = sql.stream(db.rows(10_000), QueryOptions.defaults().fetchSize(500)).iterator();
        while (it.hasNext()) {
            sum.addAndGet(it.next().get("i", Long.class));
        }
        assertThat(sum.get()).isEqualTo(10_000L * 10_001 / 2);
        assertThat(active(pool)).isZero();
    }

    @org.junit.jupiter.api.Test
    void aParallelStreamIsReadInOrderWithoutReadingAhead() {
        SQLConnection sql = open(Db.H2);
        try (Stream<Row> rows = sql.stream(Db.H2.rows(10_000), Map.of()).parallel()) {
            assertThat(rows.mapToLong(r -> r.get("i", Long.class)).sum()).isEqualTo(10_000L * 10_001 / 2);
        }
        assertThat(active(sql.raw())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEmptyResultIsAnEmptyStreamThatHoldsNothing(Db db) {
        SQLConnection sql = open(db);
        HikariDataSource pool = sql.raw();
        Stream<Row> rows = sql.stream(db.rows(10) + " where 1 = 0", Map.of());
        assertThat(active(pool)).isZero();
        assertThat(rows.count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTypedStreamMapsEachRowToARecord(Db db) {
        SQLConnection sql = open(db);
        try (Stream<Numbered> rows = sql.stream(db.rows(3), QueryOptions.defaults(), Numbered.class)) {
            assertThat(rows.toList()).containsExactly(new Numbered(1, "row 1"), new Numbered(2, "row 2"),
                    new Numbered(3, "row 3"));
        }
        assertThat(active(sql.raw())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStreamsRowsHoldWhatTheQuerysTableHolds(Db db) {
        SQLConnection sql = open(db);
        String q = "select t.i, t.note, cast(t.i * 1000 as " + (db == Db.MARIADB ? "signed" : "bigint")
                + ") as big, t.i % 2 = 0 as even,"
                + " cast(t.i + 0.25 as decimal(10,2)) as price, "
                + (db == Db.MARIADB ? "timestamp '2026-03-29 00:00:00' + interval t.i * 7 minute"
                        : "timestamp '2026-03-29 00:00:00' + t.i * interval '7' minute")
                + " as at from (" + db.rows(600) + ") t order by t.i";
        List<List<Object>> table = sql.query(q).stream().map(Row::values).toList();
        List<List<Object>> streamed;
        try (Stream<Row> rows = sql.stream(q, Map.of())) {
            streamed = rows.map(Row::values).toList();
        }
        assertThat(streamed).hasSize(600).isEqualTo(table);
        for (int r = 0; r < table.size(); r++) {
            for (int c = 0; c < table.get(r).size(); c++) {
                Object v = table.get(r).get(c);
                assertThat(streamed.get(r).get(c)).as("row %d column %d", r, c)
                        .hasSameClassAs(v);
            }
        }
        assertThat(active(sql.raw())).isZero();
    }

    @org.junit.jupiter.api.Test
    void aStreamOfANullableColumnYieldsItsNullsAndDoesNotClaimNoneIsNull() {
        SQLConnection sql = open(Db.H2);
        // the first row is mapped as it was read while opening, the others from the result set: a null in each
        String values = "select case when mod(x, 2) = 1 then null else 'v' || x end as v from system_range(1, 4)";
        List<String> read = new ArrayList<>();
        try (Stream<String> stream = sql.stream(values, QueryOptions.defaults(), String.class)) {
            Spliterator<String> it = stream.spliterator();
            assertThat(it.hasCharacteristics(Spliterator.NONNULL)).as("NONNULL of a single nullable value").isFalse();
            it.forEachRemaining(read::add);
        }
        assertThat(read).containsExactly(null, "v2", null, "v4");
        assertThat(active(sql.raw())).isZero();
        // what is never null says so: a record, a primitive (a null fails), a chunk (rows are a mapped
        // stream, whose spliterator says nothing of nulls)
        List<java.util.function.Supplier<Stream<?>>> nonNull = List.of(
                () -> sql.stream(Db.H2.rows(2), QueryOptions.defaults(), Numbered.class),
                () -> sql.stream("select 1 as one", QueryOptions.defaults(), int.class),
                () -> sql.chunks(Db.H2.rows(2), QueryOptions.defaults(), 1));
        for (java.util.function.Supplier<Stream<?>> open : nonNull) {
            try (Stream<?> s = open.get()) {
                assertThat(s.spliterator().hasCharacteristics(Spliterator.NONNULL)).as("NONNULL").isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void chunksHaveTheSizeAskedAndTheLastTheRest(Db db) {
        SQLConnection sql = open(db);
        List<Integer> sizes = new ArrayList<>();
        List<Object> firsts = new ArrayList<>();
        try (Stream<Table> chunks = sql.chunks(db.rows(10), QueryOptions.defaults().fetchSize(3), 4)) {
            chunks.forEach(t -> {
                sizes.add(t.size());
                firsts.add(t.row(0).get("i", Long.class));
                assertThat(t.columnNames()).hasSize(2);
            });
        }
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(firsts).containsExactly(1L, 5L, 9L);
        assertThat(active(sql.raw())).isZero();
        assertThatThrownBy(() -> sql.chunks(db.rows(10), QueryOptions.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(sql.name());
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aResetWhileAStreamIsOpenClosesThePoolOnlyAfterTheStream(Db db) {
        SQLConnection sql = open(db);
        retiredWhileAStreamIsOpen(sql, db, sql::reset);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTtlExpiryWhileAStreamIsOpenClosesThePoolOnlyAfterTheStream(Db db) {
        String name = uniqueName("streamttl");
        SQLConnection sql = Connections.builder(name).type("sql").ttl(Duration.ofMillis(500))
                .option("url", db == Db.H2 ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" : db.url())
                .option("username", db.user()).option("pool.maximumPoolSize", "2").get(SQLConnection.class);
        opened.add(sql);
        retiredWhileAStreamIsOpen(sql, db, () -> {
            for (int i = 0; i < 40 && sql.isConnected(); i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            assertThat(sql.isConnected()).as("the pool was retired by its ttl").isFalse();
        });
    }

    /** Opens a stream of 3,000 rows, reads one, retires the pool, reads the rest: the pool closes only after the stream. */
    private static void retiredWhileAStreamIsOpen(SQLConnection sql, Db db, Runnable retire) {
        HikariDataSource before = sql.raw();
        long n = 0;
        try (Stream<Row> rows = sql.stream(db.rows(3_000), QueryOptions.defaults().fetchSize(100))) {
            Iterator<Row> it = rows.iterator();
            it.next();
            n++;
            retire.run();
            assertThat(before.isClosed()).as("the retired pool, while the stream is open").isFalse();
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        assertThat(n).isEqualTo(3_000);
        assertThat(before.isClosed()).as("the retired pool, once the stream is closed").isTrue();
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
        assertThat(sql.raw()).isNotSameAs(before);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStatementThatIsNotAQueryFailsAndGivesItsConnectionBack(Db db) {
        SQLConnection sql = open(db);
        HikariDataSource pool = sql.raw();
        String table = "cdi_stream_" + sql.name();
        try {
            assertThatThrownBy(() -> sql.stream("create table " + table + " (id int)", Map.of()))
                    .isInstanceOf(QueryException.class).hasMessageContaining("not a query");
            assertThat(active(pool)).isZero();
        } finally {
            sql.update("drop table if exists " + table);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void readingAStreamAfterItWasClosedSaysSo(Db db) {
        SQLConnection sql = open(db);
        Stream<Row> rows = sql.stream(db.rows(1_000), QueryOptions.defaults().fetchSize(10));
        Iterator<Row> it = rows.iterator();
        it.next();
        rows.close();
        assertThat(active(sql.raw())).isZero();
        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("try-with-resources");
    }

    // ------------------------------------------------------------------ PostgreSQL: failures midway, retries

    @org.junit.jupiter.api.Test
    void aDivisionByZeroAtRowFiveThousandEndsTheStreamAndGivesItsConnectionBack() {
        SQLConnection sql = open(Db.POSTGRES);
        HikariDataSource pool = sql.raw();
        AtomicLong read = new AtomicLong();
        try (Stream<Row> rows = sql.stream("select 1 / (i - 5000) as x from generate_series(1, 10000) i",
                QueryOptions.defaults().fetchSize(100))) {
            assertThatThrownBy(() -> rows.forEach(r -> read.incrementAndGet()))
                    .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
            assertThat(active(pool)).as("released at the failure, before close").isZero();
        }
        assertThat(read.get()).as("rows read before the failure").isBetween(4_000L, 4_999L);
        assertThat(active(pool)).isZero();
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
    }

    @org.junit.jupiter.api.Test
    void aStreamIsRetriedWhenItsConnectionWasLostBeforeTheFirstRow() throws Exception {
        SQLConnection sql = open(Db.POSTGRES);
        HikariDataSource before = sql.raw();
        sql.query("select 1 as one");
        SqlPostgresTest.terminateBackends(sql);
        try (Stream<Row> rows = sql.stream(Db.POSTGRES.rows(10), Map.of())) {
            assertThat(rows.count()).isEqualTo(10);
        }
        assertThat(sql.raw()).as("the pool that failed was retired").isNotSameAs(before);
    }

    @org.junit.jupiter.api.Test
    void aConnectionLostAfterTheFirstRowEndsTheStreamWithoutARetry() throws Exception {
        SQLConnection sql = open(Db.POSTGRES);
        HikariDataSource pool = sql.raw();
        try (Stream<Row> rows = sql.stream(Db.POSTGRES.rows(100_000), QueryOptions.defaults().fetchSize(100))) {
            Iterator<Row> it = rows.iterator();
            it.next();
            SqlPostgresTest.terminateBackends(sql);
            assertThatThrownBy(() -> it.forEachRemaining(r -> { }))
                    .isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageContaining("while a stream was read")
                    .hasMessageContaining(sql.name());
        }
        assertThat(active(pool)).isZero();
        assertThat(sql.raw()).as("the lost pool was retired").isNotSameAs(pool);
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
    }

    @org.junit.jupiter.api.Test
    void aPostgresStreamLeavesTheConnectionInAutoCommitForTheNextUser() throws Exception {
        SQLConnection sql = open(Db.POSTGRES);
        try (Stream<Row> rows = sql.stream(Db.POSTGRES.rows(10), Map.of())) {
            rows.limit(2).forEach(r -> { });
        }
        try (java.sql.Connection c = sql.connection()) {
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
