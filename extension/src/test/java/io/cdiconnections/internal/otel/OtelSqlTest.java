package io.cdiconnections.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.Connections;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;
import io.cdiconnections.test.InMemoryOtel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The metrics and spans of a known workload, read back from the OpenTelemetry SDK's in-memory
 * exporter and reader: names, attributes and values, and that no parameter value is recorded.
 */
class OtelSqlTest {

    /** A value that must appear in no span and no metric. */
    private static final String VALUE = "v4lue-" + ProcessHandle.current().pid();

    private InMemoryOtel otel;
    private String name;
    private String pool;

    @BeforeEach
    void install() {
        otel = new InMemoryOtel();
        name = "otel_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        pool = "cdi-connections-" + name;
    }

    @AfterEach
    void uninstall() {
        otel.close();
    }

    private SQLConnection h2(String connection, String... extra) {
        Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("url", "jdbc:h2:mem:" + connection + ";DB_CLOSE_DELAY=-1",
                "pool.maximumPoolSize", "1", "pool.connectionTimeout", "250", "retry_attempts", "1"));
        for (int i = 0; i < extra.length; i += 2) {
            o.put(extra[i], extra[i + 1]);
        }
        return new SQLConnection(ConnectionContext.of(connection, o));
    }

    @Test
    void aKnownWorkloadGivesItsSpansAndMetrics() {
        try (SQLConnection sql = h2(name)) {
            sql.update("create table pets (id int primary key, owner varchar(50))");
            sql.update("insert into pets values (:id, :owner)", Map.of("id", 1, "owner", VALUE));
            sql.update("insert into pets values (2, 'barbara')");
            for (int i = 0; i < 3; i++) {
                assertThat(sql.query("select * from pets where owner = :o", Map.of("o", VALUE)).size()).isEqualTo(1);
            }
            QueryOptions cached = QueryOptions.defaults().param("o", VALUE).ttl(Duration.ofMinutes(5));
            sql.query("select id from pets where owner = :o", cached);  // a miss: read and kept
            sql.query("select id from pets where owner = :o", cached);  // a hit: no database span
            assertThatThrownBy(() -> sql.query("select * from no_such_table where owner = :o", Map.of("o", VALUE)))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
            sql.withTransaction(tx -> tx.update("update pets set owner = :o where id = 2", Map.of("o", VALUE)));
            try (Stream<Row> rows = sql.stream("select * from pets", Map.of())) {
                assertThat(sum("cdi_connections.streams.open")).isEqualTo(1);
                // the pool's only connection is the stream's: the next borrower times out
                assertThatThrownBy(() -> sql.query("select 1")).isInstanceOf(RuntimeException.class);
                assertThat(rows.count()).isEqualTo(2);
            }
            assertThat(sum("cdi_connections.streams.open")).isZero();
            sql.reset();
            sql.query("select 2"); // connects again

            List<SpanData> spans = ours();
            // connects: two, each an INTERNAL span with the connection's name and type
            assertThat(spans.stream().filter(s -> s.getName().equals("cdi_connections.connect " + name)))
                    .hasSize(2).allSatisfy(s -> {
                        assertThat(s.getKind()).isEqualTo(SpanKind.INTERNAL);
                        assertThat(s.getAttributes().get(Keys.TYPE)).isEqualTo(SQLConnection.class.getName());
                    });
            // one CLIENT span per statement sent, following the database conventions
            List<SpanData> client = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
            assertThat(client).allSatisfy(s -> {
                assertThat(s.getAttributes().get(Keys.SYSTEM)).isEqualTo("h2database");
                assertThat(s.getAttributes().get(Keys.POOL_NAME)).isEqualTo(pool);
            });
            assertThat(texts(client)).containsExactly(
                    "create table pets (id int primary key, owner varchar(?))",
                    "insert into pets values (:id, :owner)",
                    "insert into pets values (?, ?)",
                    "select * from pets where owner = :o", "select * from pets where owner = :o",
                    "select * from pets where owner = :o",
                    "select id from pets where owner = :o",                  // the miss only
                    "select * from no_such_table where owner = :o",
                    "update pets set owner = :o where id = ?",
                    "select ?",                                            // timed out waiting for the pool
                    "select * from pets",                                  // the stream, ended at its close
                    "select ?");                                           // after the reset
            assertThat(client.stream().map(s -> s.getAttributes().get(Keys.OPERATION)).toList())
                    .containsExactly("CREATE", "INSERT", "INSERT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT",
                            "UPDATE", "SELECT", "SELECT", "SELECT");
            assertThat(client.stream().map(SpanData::getName).distinct().toList())
                    .containsExactlyInAnyOrder("CREATE", "INSERT", "SELECT", "UPDATE");
            // the cache hit: an INTERNAL span that says so
            SpanData hit = spans.stream().filter(s -> Boolean.TRUE.equals(s.getAttributes().get(Keys.CACHE_HIT)))
                    .collect(single());
            assertThat(hit.getKind()).isEqualTo(SpanKind.INTERNAL);
            assertThat(hit.getAttributes().get(Keys.QUERY_TEXT)).isEqualTo("select id from pets where owner = :o");
            // the failure: ERROR with the redacted message and the exception type
            assertThat(client.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR)).hasSize(2);
            SpanData failed = client.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR
                    && s.getAttributes().get(Keys.QUERY_TEXT).contains("no_such_table")).collect(single());
            assertThat(failed.getAttributes().get(Keys.QUERY_TEXT)).contains("no_such_table");
            assertThat(failed.getStatus().getDescription()).containsIgnoringCase("NO_SUCH_TABLE");
            assertThat(failed.getAttributes().get(Keys.ERROR_TYPE)).isNotBlank();
            // the transaction: its statement is its child
            SpanData tx = spans.stream().filter(s -> s.getName().equals("cdi_connections.transaction")).collect(single());
            SpanData update = client.stream().filter(s -> "UPDATE".equals(s.getName())).collect(single());
            assertThat(update.getParentSpanId()).isEqualTo(tx.getSpanId());
            assertThat(tx.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);

            // metrics
            assertThat(sum("cdi_connections.connects")).isEqualTo(2);
            assertThat(sum("cdi_connections.connect_failures")).isZero();
            assertThat(sum("cdi_connections.resets")).isEqualTo(1);
            assertThat(sum("cdi_connections.cache.hits")).isEqualTo(1);
            assertThat(sum("cdi_connections.cache.misses")).isEqualTo(1);
            assertThat(sum("db.client.connection.timeouts")).isEqualTo(1);
            MetricData duration = otel.metric("db.client.operation.duration");
            assertThat(duration.getUnit()).isEqualTo("s");
            assertThat(histogramCount(duration, a -> "SELECT".equals(a.get(Keys.OPERATION))
                    && a.get(Keys.ERROR_TYPE) == null)).isEqualTo(5);
            assertThat(histogramCount(duration, a -> a.get(Keys.ERROR_TYPE) != null)).isEqualTo(2);
            assertThat(histogramCount(duration, a -> "INSERT".equals(a.get(Keys.OPERATION)))).isEqualTo(2);
            // (create_time: see the PostgreSQL test; HikariCP makes a pool's first connection before its tracker)
            for (String pooled : List.of("db.client.connection.wait_time", "db.client.connection.use_time")) {
                assertThat(histogramCount(otel.metric(pooled), a -> true)).as(pooled).isPositive();
            }
            // the pool of the second connect: one connection, idle now, nobody waiting
            assertThat(points("db.client.connection.count").stream()
                    .map(p -> p.getAttributes().get(Keys.STATE) + "=" + ((LongPointData) p).getValue()).toList())
                    .containsExactlyInAnyOrder("idle=1", "used=0");
            assertThat(sum("db.client.connection.pending_requests")).isZero();
            assertThat(sum("db.client.connection.max")).isEqualTo(1);
            assertThat(points("db.client.connection.count")).allSatisfy(p -> {
                assertThat(p.getAttributes().get(Keys.POOL_NAME)).isEqualTo(pool);
                assertThat(p.getAttributes().get(Keys.SYSTEM)).isEqualTo("h2database");
            });
            assertNoValueAnywhere();
        }
    }

    @Test
    void streamsChunksAndInsertsAreClientSpansWithTheirRows() {
        record Pet(int id, String owner) {
        }
        try (SQLConnection sql = h2(name)) {
            sql.update("create table pets (id int primary key, owner varchar(50))");
            assertThat(sql.insert("pets", List.of(new Pet(1, VALUE), new Pet(2, VALUE), new Pet(3, "x")))).isEqualTo(3);
            try (Stream<Row> rows = sql.stream("select * from pets where owner = :o", Map.of("o", VALUE))) {
                assertThat(rows.count()).isEqualTo(2);
            }
            try (Stream<Row> rows = sql.stream("select id from pets order by id", Map.of())) {
                assertThat(rows.findFirst()).isPresent(); // closed after one row of three
            }
            try (Stream<Table> chunks = sql.chunks("select owner from pets", QueryOptions.defaults(), 2)) {
                assertThat(chunks.mapToInt(Table::size).sum()).isEqualTo(3);
            }
            assertThat(sql.stream("select * from pets where id < 0", Map.of()).count()).isZero();
            assertThatThrownBy(() -> sql.stream("select * from no_such_table", Map.of()))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
            sql.withTransaction(tx -> tx.insert("pets", List.of(Map.of("id", 4, "owner", VALUE))));
            assertThatThrownBy(() -> sql.insert("no_such_table", List.of(new Pet(5, VALUE))))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
        }
        List<SpanData> spans = ours();
        List<SpanData> streams = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getAttributes().get(Keys.RETURNED_ROWS) != null).toList();
        assertThat(streams.stream().map(s -> s.getAttributes().get(Keys.QUERY_TEXT) + "="
                + s.getAttributes().get(Keys.RETURNED_ROWS)).toList()).containsExactly(
                        "select * from pets where owner = :o=2", "select id from pets order by id=1",
                        "select owner from pets=3", "select * from pets where id < ?=0");
        assertThat(streams).allSatisfy(s -> {
            assertThat(s.getName()).isEqualTo("SELECT");
            assertThat(s.getAttributes().get(Keys.OPERATION)).isEqualTo("SELECT");
            assertThat(s.getAttributes().get(Keys.SYSTEM)).isEqualTo("h2database");
            assertThat(s.getAttributes().get(Keys.POOL_NAME)).isEqualTo(pool);
            assertThat(s.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        });
        SpanData failedStream = spans.stream().filter(s -> "select * from no_such_table".equals(
                s.getAttributes().get(Keys.QUERY_TEXT))).collect(single());
        assertThat(failedStream.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(failedStream.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failedStream.getStatus().getDescription()).containsIgnoringCase("NO_SUCH_TABLE");

        List<SpanData> inserts = spans.stream().filter(s -> s.getName().startsWith("INSERT ")).toList();
        assertThat(inserts.stream().map(s -> s.getName() + " rows=" + s.getAttributes().get(Keys.INSERTED_ROWS)
                + " " + s.getStatus().getStatusCode()).toList()).containsExactly(
                        "INSERT pets rows=3 UNSET", "INSERT pets rows=1 UNSET", "INSERT no_such_table rows=null ERROR");
        assertThat(inserts).allSatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.getAttributes().get(Keys.OPERATION)).isEqualTo("INSERT");
            assertThat(s.getAttributes().get(Keys.COLLECTION)).isEqualTo(s.getName().substring("INSERT ".length()));
            // each insert is a child of the transaction it runs in
            SpanData parent = spans.stream().filter(p -> p.getSpanId().equals(s.getParentSpanId())).collect(single());
            assertThat(parent.getName()).isEqualTo("cdi_connections.transaction");
        });
        // inserts are timed as operations; streams are not (their duration is the reader's)
        MetricData duration = otel.metric("db.client.operation.duration");
        assertThat(histogramCount(duration, a -> "INSERT".equals(a.get(Keys.OPERATION)))).isEqualTo(3);
        assertThat(histogramCount(duration, a -> "SELECT".equals(a.get(Keys.OPERATION)))).isZero();
        assertThat(sum("cdi_connections.streams.open")).isZero();
        assertNoValueAnywhere();
    }

    record Pet(int id, String owner) {
    }

    record Priced(java.math.BigDecimal p) {
    }

    record Unmatched(int id, String nickname) {
    }

    @Test
    void aTypedQueryHasTheSpansAndMetricsOfQuery() {
        try (SQLConnection sql = h2(name)) {
            sql.update("create table pets (id int primary key, owner varchar(50))");
            sql.update("insert into pets values (1, :o)", Map.of("o", VALUE));
            String q = "select * from pets where owner = :o";
            assertThat(sql.query(q, Map.of("o", VALUE)).as(Pet.class))
                    .isEqualTo(sql.query(q, Map.of("o", VALUE), Pet.class)).containsExactly(new Pet(1, VALUE));
            QueryOptions cached = QueryOptions.defaults().param("o", VALUE).ttl(Duration.ofMinutes(5));
            sql.query("select id, owner from pets where owner = :o", cached, Pet.class); // a miss: read and kept
            sql.query("select id, owner from pets where owner = :o", cached, Pet.class); // a hit: no database span
            // a row that does not map fails the call, not the statement: as with query(...).as(...)
            assertThatThrownBy(() -> sql.query("select id from pets", Map.of(), Unmatched.class))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
            assertThatThrownBy(() -> sql.query("select id from pets", Map.of()).as(Unmatched.class))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
            // a value whose conversion fails past the plan (NaN into a BigDecimal): the statement succeeded too
            String nan = "select cast('NaN' as double precision) as p";
            Throwable byAs = org.assertj.core.api.Assertions.catchThrowable(() -> sql.query(nan, Map.of()).as(Priced.class));
            assertThat(byAs).isNotNull();
            assertThatThrownBy(() -> sql.query(nan, Map.of(), Priced.class)).isInstanceOf(byAs.getClass())
                    .hasMessage(byAs.getMessage());
            assertThatThrownBy(() -> sql.query("select * from no_such_table", Map.of(), Pet.class))
                    .isInstanceOf(io.cdiconnections.sql.QueryException.class);
        }
        List<SpanData> client = ours().stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && "SELECT".equals(s.getName())).toList();
        assertThat(texts(client)).containsExactly("select * from pets where owner = :o",
                "select * from pets where owner = :o", "select id, owner from pets where owner = :o",
                "select id from pets", "select id from pets", "select cast(? as double precision) as p", // literal kept out
                "select cast(? as double precision) as p", "select * from no_such_table");
        // the typed query's span is the query's: the same attributes, one after the other
        assertThat(client.get(1).getAttributes()).isEqualTo(client.get(0).getAttributes());
        assertThat(client.get(4).getAttributes()).isEqualTo(client.get(3).getAttributes());
        assertThat(client.stream().map(s -> s.getStatus().getStatusCode()).toList()).containsExactly(
                StatusCode.UNSET, StatusCode.UNSET, StatusCode.UNSET, StatusCode.UNSET, StatusCode.UNSET,
                StatusCode.UNSET, StatusCode.UNSET, StatusCode.ERROR);
        assertThat(client.get(7).getStatus().getDescription()).containsIgnoringCase("NO_SUCH_TABLE");
        assertThat(sum("cdi_connections.cache.hits")).isEqualTo(1);
        assertThat(sum("cdi_connections.cache.misses")).isEqualTo(1);
        MetricData duration = otel.metric("db.client.operation.duration");
        assertThat(histogramCount(duration, a -> "SELECT".equals(a.get(Keys.OPERATION))
                && a.get(Keys.ERROR_TYPE) == null)).isEqualTo(7);
        assertThat(histogramCount(duration, a -> a.get(Keys.ERROR_TYPE) != null)).isEqualTo(1);
        assertNoValueAnywhere();
    }

    @Test
    void theCacheBytesFollowWhatTheTtlCacheHolds() {
        try (SQLConnection sql = h2(name)) {
            QueryOptions ttl = QueryOptions.defaults().ttl(Duration.ofMinutes(5)).param("v", VALUE);
            sql.update("create table big (t varchar(2000))");
            sql.update("insert into big values (repeat('x', 1500))");
            assertThat(sum("cdi_connections.cache.bytes")).isZero();
            sql.query("select t from big where t <> :v", ttl);
            long one = sum("cdi_connections.cache.bytes");
            assertThat(one).as("at least the 1,500 characters of the result").isGreaterThanOrEqualTo(3_000);
            sql.query("select t from big where t <> :v", ttl); // a hit: nothing more kept
            assertThat(sum("cdi_connections.cache.bytes")).isEqualTo(one);
            sql.query("select t, 1 as one from big where t <> :v", ttl);
            assertThat(sum("cdi_connections.cache.bytes")).isGreaterThanOrEqualTo(2 * one);
            sql.reset(); // the retired pool's results are dropped
            assertThat(sum("cdi_connections.cache.bytes")).isZero();
            MetricData bytes = otel.metric("cdi_connections.cache.bytes");
            assertThat(bytes.getUnit()).isEqualTo("By");
            assertThat(points("cdi_connections.cache.bytes")).singleElement().satisfies(p -> {
                assertThat(p.getAttributes().get(Keys.POOL_NAME)).isEqualTo(pool);
                assertThat(p.getAttributes().get(Keys.SYSTEM)).isEqualTo("h2database");
            });
        }
        assertNoValueAnywhere();
    }

    @Test
    void aFailingSharedCacheIsCountedAndTheQueryStillAnswered() {
        try (SQLConnection sql = h2(name, "cache", "jcache", "cache_provider",
                "io.cdiconnections.sql.ThrowingCachingProvider")) {
            QueryOptions ttl = QueryOptions.defaults().ttl(Duration.ofMinutes(5)).param("v", VALUE);
            assertThat(sql.query("select :v as v", ttl).size()).isEqualTo(1);
            assertThat(sql.query("select :v as v", ttl).size()).isEqualTo(1); // the cache left alone for a while
            assertThat(sum("cdi_connections.cache.shared_failures")).isEqualTo(1);
            assertThat(otel.metric("cdi_connections.cache.shared_failures").getUnit()).isEqualTo("{failure}");
            assertThat(sum("cdi_connections.cache.hits")).isZero();
        }
        assertNoValueAnywhere();
    }

    @Test
    void theTtlCacheCountsEvictionsAndTheRegistryTtlRetirements() throws Exception {
        // a bound of 1,000 entries' weight: the second result pushes the first out
        try (SQLConnection sql = h2(name, "query_cache_max_bytes", "4000")) {
            QueryOptions ttl = QueryOptions.defaults().ttl(Duration.ofMinutes(5));
            sql.update("create table big (t varchar(2000))");
            sql.update("insert into big values (repeat('x', 1500))");
            sql.query("select t from big", ttl);
            sql.query("select t, 1 as one from big", ttl);
            sql.query("select t, 2 as two from big", ttl);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sum("cdi_connections.cache.evictions") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // Caffeine tells evictions on its executor
            }
            assertThat(sum("cdi_connections.cache.evictions")).isPositive();
        }
        String ttlName = name + "_ttl";
        SQLConnection sql = Connections.builder(ttlName).type("sql").ttl(Duration.ofMillis(200))
                .option("url", "jdbc:h2:mem:" + ttlName + ";DB_CLOSE_DELAY=-1").get(SQLConnection.class);
        sql.query("select 1");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sql.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sql.isConnected()).isFalse();
        assertThat(points("cdi_connections.ttl_retirements").stream()
                .filter(p -> p.getAttributes().get(Keys.CONNECTION).equals(ttlName))
                .mapToLong(p -> ((LongPointData) p).getValue()).sum()).isEqualTo(1);
    }

    @Test
    void aFailedConnectIsAnErrorSpanAndCountedWithoutTheSecret() {
        try (SQLConnection sql = new SQLConnection(ConnectionContext.of(name, Map.of(
                "url", "jdbc:postgresql://127.0.0.1:1/test", "username", "postgres", "password", VALUE,
                "retry_attempts", "1")))) {
            assertThatThrownBy(() -> sql.query("select 1")).isInstanceOf(RuntimeException.class);
        }
        SpanData connect = ours().stream().filter(s -> s.getName().startsWith("cdi_connections.connect"))
                .collect(single());
        assertThat(connect.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(connect.getStatus().getDescription()).contains(name);
        assertThat(sum("cdi_connections.connect_failures")).isEqualTo(1);
        assertThat(sum("cdi_connections.connects")).isZero();
        assertNoValueAnywhere();
    }

    @Test
    void postgresSpansNameTheServerAndDatabase() throws InterruptedException {
        try (SQLConnection sql = new SQLConnection(ConnectionContext.of(name, Map.of(
                "url", "jdbc:postgresql://127.0.0.1:5432/test", "username", "postgres",
                "pool.maximumPoolSize", "2", "pool.minimumIdle", "2")))) {
            sql.query("select :v as v", Map.of("v", VALUE));
            // HikariCP makes the pool's first connection before it installs the tracker; the second is timed
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (otel.metric("db.client.connection.create_time") == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(histogramCount(otel.metric("db.client.connection.create_time"),
                    m -> "postgresql".equals(m.get(Keys.SYSTEM)))).isPositive();
        }
        SpanData select = ours().stream().filter(s -> s.getKind() == SpanKind.CLIENT).collect(single());
        Attributes a = select.getAttributes();
        assertThat(a.get(Keys.SYSTEM)).isEqualTo("postgresql");
        assertThat(a.get(Keys.NAMESPACE)).isEqualTo("test");
        assertThat(a.get(Keys.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(a.get(Keys.PORT)).isEqualTo(5432L);
        assertThat(a.get(Keys.QUERY_TEXT)).isEqualTo("select :v as v");
        assertThat(histogramCount(otel.metric("db.client.operation.duration"),
                m -> "127.0.0.1".equals(m.get(Keys.ADDRESS)) && "test".equals(m.get(Keys.NAMESPACE)))).isEqualTo(1);
        assertNoValueAnywhere();
    }

    @Test
    void theNumberOfSeriesIsBoundedByConnectionsNotByStatements() {
        int connections = 3;
        for (int c = 0; c < connections; c++) {
            try (SQLConnection sql = h2(name + "_" + c)) {
                for (int i = 0; i < 50; i++) { // fifty different texts, fifty different values
                    sql.query("select " + i + " as n, :v as v from dual where " + i + " = " + i, Map.of("v", VALUE + i));
                }
            }
        }
        List<MetricData> metrics = otel.metrics();
        Set<Attributes> durationSeries = points("db.client.operation.duration").stream()
                .map(PointData::getAttributes).collect(Collectors.toSet());
        assertThat(durationSeries).hasSize(connections); // one (connection, SELECT) each
        for (MetricData m : metrics) {
            assertThat(m.getData().getPoints().size()).as(m.getName()).isLessThanOrEqualTo(connections * 2);
            assertThat(m.getData().getPoints()).allSatisfy(p -> assertThat(p.getAttributes().asMap().keySet()
                    .stream().map(AttributeKey::getKey)).doesNotContain("db.query.text"));
        }
        assertNoValueAnywhere();
    }

    // ------------------------------------------------------------------ helpers

    /** The spans of this test's connections (their pool name, or their connection name). */
    private List<SpanData> ours() {
        return otel.spans().stream().filter(s -> s.getName().contains(name)
                || String.valueOf(s.getAttributes().get(Keys.POOL_NAME)).startsWith(pool)).toList();
    }

    private static List<String> texts(List<SpanData> spans) {
        return spans.stream().map(s -> s.getAttributes().get(Keys.QUERY_TEXT)).toList();
    }

    private List<PointData> points(String metric) {
        MetricData m = otel.metric(metric);
        if (m == null) {
            return List.of();
        }
        return m.getData().getPoints().stream().map(p -> (PointData) p)
                .filter(p -> String.valueOf(p.getAttributes().get(Keys.POOL_NAME)).startsWith(pool)).toList();
    }

    private long sum(String metric) {
        return points(metric).stream().mapToLong(p -> ((LongPointData) p).getValue()).sum();
    }

    private long histogramCount(MetricData m, Predicate<Attributes> which) {
        assertThat(m).isNotNull();
        return m.getData().getPoints().stream().map(p -> (HistogramPointData) p)
                .filter(p -> String.valueOf(p.getAttributes().get(Keys.POOL_NAME)).startsWith(pool))
                .filter(p -> which.test(p.getAttributes())).mapToLong(HistogramPointData::getCount).sum();
    }

    private void assertNoValueAnywhere() {
        String all = otel.spans() + "\n" + otel.metrics();
        assertThat(all).doesNotContain(VALUE);
    }

    private static <T> java.util.stream.Collector<T, ?, T> single() {
        return Collectors.collectingAndThen(Collectors.toList(), l -> {
            assertThat(l).hasSize(1);
            return l.get(0);
        });
    }
}
