package io.cdiconnections.benchmarks;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdiconnections.internal.Telemetry;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * The cost of observability (docs/observability.md): row 4's query (100 rows, 5 columns) with
 * OpenTelemetry a no-op ({@code noop}: what an application without OpenTelemetry, or with
 * MicroProfile Telemetry disabled, runs) against the SDK recording every span (always sampled,
 * batched to an exporter that only counts) and every metric ({@code sdk}), in the same run, with
 * plain JDBC on the same pool as the yardstick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObservabilityBenchmark {

    /** The database. */
    @Param({"h2", "postgresql"})
    public String db;

    /** OpenTelemetry: a no-op, or the SDK recording everything. */
    @Param({"noop", "sdk"})
    public String otel;

    SQLConnection sql;
    DataSource pool;
    String table;
    String query;
    RecordingSdk sdk;

    /** Installs the SDK (or not), then seeds the table and warms the pool. */
    @Setup
    public void setup() {
        GlobalOpenTelemetry.resetForTest();
        if ("sdk".equals(otel)) {
            sdk = new RecordingSdk();
            GlobalOpenTelemetry.set(sdk.sdk());
        }
        Telemetry.forget(); // the handle made next looks again
        sql = Databases.connect(db, "bench_otel_" + db);
        table = Databases.tableName();
        query = Databases.query(table);
        Databases.seed(sql, table);
        pool = sql.raw();
    }

    /** Drops the table, closes the pool and the SDK. */
    @TearDown
    public void tearDown() {
        Databases.dropAndClose(sql, table);
        if (sdk != null) {
            sdk.close();
        }
        GlobalOpenTelemetry.resetForTest();
        Telemetry.forget();
    }

    /** @return the rows, through us */
    @Benchmark
    public Table queryOurs() {
        return sql.query(query);
    }

    /**
     * @return the rows, through plain JDBC
     * @throws SQLException when the query fails
     */
    @Benchmark
    public List<Object[]> queryBaselineJdbc() throws SQLException {
        return Databases.plainJdbc(pool, query);
    }

    /** Flushes the batched spans, for the test. */
    long flushAndCountSpans() {
        return sdk.flushAndCountSpans();
    }
}
