package io.cdiconnections.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.sql.Table;

/**
 * CI's proof that every benchmark still works: each benchmark method runs once, outside JMH and
 * untimed, and ours and the baseline must give the same answer (a benchmark that measures a
 * failure or an empty result measures nothing).
 */
class BenchmarksWorkTest {

    @Test
    void lookupsGiveTheHandleTheMapHolds() {
        LookupBenchmark b = new LookupBenchmark();
        b.setup();
        assertThat(b.lookupOurs()).isSameAs(b.lookupBaselineMap()).isSameAs(b.contention1Thread())
                .isSameAs(b.contention8Threads());
    }

    @Test
    void h2QueriesReadTheSameHundredRowsAsPlainJdbc() throws SQLException {
        queriesReadTheSameRows("h2");
    }

    @Test
    void postgresQueriesReadTheSameHundredRowsAsPlainJdbc() throws SQLException {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        queriesReadTheSameRows("postgresql");
    }

    @Test
    void observabilityRowsReadTheRowsAndOnlyTheSdkRowsRecordSpans() throws SQLException {
        for (String otel : List.of("noop", "sdk")) {
            ObservabilityBenchmark b = new ObservabilityBenchmark();
            b.db = "h2";
            b.otel = otel;
            b.setup();
            try {
                assertThat(b.queryOurs().size()).isEqualTo(Databases.ROWS);
                assertThat(b.queryBaselineJdbc()).hasSize(Databases.ROWS);
                if (otel.equals("sdk")) {
                    assertThat(b.flushAndCountSpans()).as("spans exported").isPositive();
                } else {
                    assertThat(io.cdiconnections.internal.Telemetry.current())
                            .isSameAs(io.cdiconnections.internal.Telemetry.NONE);
                }
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void interleavedObservabilityTimesEachVariantAndOnlyTheSdkConnectionRecords() throws Exception {
        ObservabilityInterleavedBenchmark b = new ObservabilityInterleavedBenchmark();
        b.db = "h2";
        b.setup();
        try {
            long afterSetup = b.flushAndCountSpans();
            assertThat(afterSetup).as("the sdk connection's first query was recorded").isPositive();
            assertThat(b.noop.query(b.query).size()).isEqualTo(Databases.ROWS);
            assertThat(b.flushAndCountSpans()).as("the no-op connection records nothing").isEqualTo(afterSetup);
            ObservabilityInterleavedBenchmark.Times times = new ObservabilityInterleavedBenchmark.Times();
            Blackhole out = new Blackhole(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            for (int i = 0; i < 3; i++) {
                b.interleaved(times, out);
            }
            assertThat(times.noopNanos()).isPositive();
            assertThat(times.sdkNanos()).isPositive();
            assertThat(times.jdbcNanos()).isPositive();
            assertThat(b.flushAndCountSpans()).as("3 more queries recorded").isGreaterThanOrEqualTo(afterSetup + 3);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void interleavedSizesTimeEveryVariant() throws Exception {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        QuerySizeInterleavedBenchmark b = new QuerySizeInterleavedBenchmark();
        b.rows = 10;
        b.setup();
        try {
            Blackhole out = new Blackhole(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            QuerySizeInterleavedBenchmark.ReadTimes read = new QuerySizeInterleavedBenchmark.ReadTimes();
            QuerySizeInterleavedBenchmark.MapTimes map = new QuerySizeInterleavedBenchmark.MapTimes();
            for (int i = 0; i < 3; i++) {
                b.read(read, out);
                b.map(map, out);
            }
            assertThat(read.queryNanos()).isPositive();
            assertThat(read.asNanos()).isPositive();
            assertThat(read.jdbcRecordsNanos()).isPositive();
            assertThat(read.queryTypedNanos()).isPositive();
            assertThat(read.queryByHandNanos()).isPositive();
            assertThat(map.mapOursNanos()).isPositive();
            assertThat(map.mapByHandNanos()).isPositive();
            assertThat(b.sizes.asOurs()).isEqualTo(b.sizes.jdbcRecords()).hasSize(10);
            read.clear();
            assertThat(read.queryNanos()).isZero();
        } finally {
            b.tearDown();
        }
    }

    private static void queriesReadTheSameRows(String db) throws SQLException {
        QueryBenchmark b = new QueryBenchmark();
        b.db = db;
        b.setup();
        try {
            Table ours = b.queryOurs();
            List<Object[]> plain = b.queryBaselineJdbc();
            assertThat(ours.size()).isEqualTo(Databases.ROWS);
            assertThat(ours.columns()).hasSize(5);
            for (int i = 0; i < Databases.ROWS; i++) {
                assertThat(ours.row(i).values()).containsExactly(plain.get(i));
            }
            Table first = b.queryCachedHit();
            assertThat(b.queryCachedHit()).as("the second call is a cache hit").isSameAs(first);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void postgresQueriesOfEverySizeMapToTheRecordsPlainJdbcMakes() throws SQLException {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        QuerySizeBenchmark b = new QuerySizeBenchmark();
        b.rows = 1_000;
        b.setup();
        try {
            List<QuerySizeBenchmark.Item> plain = b.jdbcRecords();
            assertThat(plain).hasSize(1_000);
            assertThat(plain.get(999).created()).isEqualTo(java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(999));
            assertThat(b.asOurs()).isEqualTo(plain).isEqualTo(b.jdbcRecordsViaTimestamp()).isEqualTo(b.mapOurs())
                    .isEqualTo(b.mapByHand()).isEqualTo(b.queryTypedOurs()).isEqualTo(b.queryByHand());
            Table ours = b.queryOurs();
            List<Object[]> objects = b.jdbcObjects();
            assertThat(ours.size()).isEqualTo(1_000);
            for (int i = 0; i < 1_000; i += 333) {
                assertThat(ours.row(i).values()).containsExactly(objects.get(i));
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void postgresInsertsWriteTheSameRowsThroughUsPlainJdbcAndRowByRow() throws SQLException {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        for (boolean rewrite : new boolean[] {false, true}) {
            InsertBenchmark b = new InsertBenchmark();
            b.rewrite = rewrite;
            b.rows = 2_500; // more than two batches, fewer rows than the benchmark's
            b.rowByRowRows = 300;
            b.setup();
            try {
                b.empty();
                assertThat(b.insertOurs()).isEqualTo(2_500);
                assertThat(b.count()).isEqualTo(2_500L);
                Table ours = b.sql.query("select * from " + b.table + " order by id");
                b.empty();
                assertThat(b.insertBaselineJdbc()).isEqualTo(2_500);
                assertThat(b.count()).isEqualTo(2_500L);
                Table plain = b.sql.query("select * from " + b.table + " order by id");
                for (int i = 0; i < 2_500; i += 499) {
                    assertThat(ours.row(i).values()).isEqualTo(plain.row(i).values());
                }
                b.empty();
                assertThat(b.insertRowByRow()).isEqualTo(300);
                assertThat(b.count()).isEqualTo(300L);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void postgresStreamsReadAsManyRowsAsPlainJdbc() throws SQLException {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        StreamBenchmark b = new StreamBenchmark();
        b.setup();
        try {
            Blackhole bh = new Blackhole(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            assertThat(b.streamOurs(bh)).isEqualTo(StreamBenchmark.ROWS).isEqualTo(b.streamOursIterator(bh))
                    .isEqualTo(b.streamBaselineJdbc(bh));
        } finally {
            b.tearDown();
        }
    }

    @Test
    void interleavedStreamsAndInsertsTimeEveryVariant() throws Exception {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        StreamInterleavedBenchmark s = new StreamInterleavedBenchmark();
        s.setup();
        try {
            StreamInterleavedBenchmark.Times times = new StreamInterleavedBenchmark.Times();
            s.stream(times, bh);
            assertThat(times.oursNanos()).isPositive();
            assertThat(times.jdbcNanos()).isPositive();
        } finally {
            s.tearDown();
        }
        InsertInterleavedBenchmark i = new InsertInterleavedBenchmark();
        i.inserts.rows = 2_500;
        i.inserts.rowByRowRows = 300;
        i.setup();
        try {
            InsertInterleavedBenchmark.Times times = new InsertInterleavedBenchmark.Times();
            for (int turn = 0; turn < 3; turn++) {
                i.insert(times, bh);
                assertThat(i.inserts.count()).as("the table emptied before the last variant holds its rows only")
                        .isIn(2_500L, 300L);
            }
            assertThat(times.oursNanos()).isPositive();
            assertThat(times.jdbcNanos()).isPositive();
            assertThat(times.rowByRowNanos()).isPositive();
        } finally {
            i.tearDown();
        }
    }

    @Test
    void jsonOfATableAndOfItsRecordsHoldsTheSameRowsAndBothAreTimed() throws Exception {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        JsonInterleavedBenchmark b = new JsonInterleavedBenchmark();
        b.rows = 20;
        b.setup();
        try {
            String before = b.tableJson();
            assertThat(before).startsWith("[{\"id\":0,\"name\":\"item number 0\",\"price\":0.25,"
                    + "\"created\":\"2026-01-01T00:00:00\",\"active\":true},");
            assertThat(b.sameJson()).isTrue();
            JsonInterleavedBenchmark.Times times = new JsonInterleavedBenchmark.Times();
            Blackhole bh = new Blackhole(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            for (int turn = 0; turn < 3; turn++) {
                b.write(times, bh);
            }
            assertThat(b.tableJson()).as("fresh timestamps write the same text").isEqualTo(before);
            assertThat(times.tableNanos()).isPositive();
            assertThat(times.recordsNanos()).isPositive();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void injectedAndHandWrittenBeansAnswer() throws SQLException {
        InjectionBenchmark b = new InjectionBenchmark();
        b.setup();
        try {
            assertThat(b.callOurs()).isEqualTo("injected");
            assertThat(b.callBaselineBean()).isEqualTo("hand-written");
            assertThat(b.borrowOurs()).isEqualTo(b.borrowBaselineProducer()).isTrue();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void bothStartupsBootTheirFiftyBeans() {
        StartupBenchmark b = new StartupBenchmark();
        StartupBenchmark.Container c = new StartupBenchmark.Container();
        WeldContainer with = b.bootOurs(c);
        assertThat(with.select(StartupBeans.With.B49.class).get().work()).isEqualTo(49);
        c.shutdown();
        WeldContainer without = b.bootBaseline(c);
        assertThat(without.select(StartupBeans.Without.B49.class).get().work()).isEqualTo(49);
        c.shutdown();
    }

    @Test
    void theSecretsFileLoadsItsTenThousandKeys() throws Exception {
        ConfigBenchmark b = new ConfigBenchmark();
        b.setup();
        try {
            SecretsConfigSource loaded = b.loadOurs();
            assertThat(loaded.getPropertyNames()).hasSizeGreaterThanOrEqualTo(10_000);
            assertThat(b.getValueOurs()).isEqualTo(b.getValueBaselineProperties()).isNotNull();
        } finally {
            b.tearDown();
        }
    }

    static boolean postgresIsUp() {
        try (var c = DriverManager.getConnection(Databases.POSTGRES_URL, Databases.POSTGRES_USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void gridHitsServeTheRowsPostgresReturnsFromATwoMemberGrid() {
        assumeTrue(postgresIsUp(), "PostgreSQL on " + Databases.POSTGRES_URL + " is not running");
        GridBenchmark b = new GridBenchmark();
        b.setup();
        try {
            Table uncached = b.uncached();
            assertThat(uncached.size()).isEqualTo(Databases.ROWS);
            assertThat(b.caffeineHit().rows().get(99).get("name")).isEqualTo(uncached.rows().get(99).get("name"));
            for (int i = 0; i < GridBenchmark.KEYS; i++) {
                Table hit = b.gridHit();
                assertThat(hit.size()).isEqualTo(Databases.ROWS);
                assertThat(hit.rows().get(99).get("price")).isEqualTo(uncached.rows().get(99).get("price"));
            }
        } finally {
            b.tearDown();
        }
    }
}
