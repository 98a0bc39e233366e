package io.cdiconnections.benchmarks;

import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.cdiconnections.internal.Telemetry;
import io.cdiconnections.sql.SQLConnection;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * The cost of the OpenTelemetry SDK on a query, measured interleaved. One JVM holds two
 * connections to the same table: one made while OpenTelemetry was a no-op, one made with the SDK
 * recording every span and metric ({@link RecordingSdk}; a handle keeps the telemetry it was made
 * with). Each invocation runs row 4's query three times, through the no-op connection, through
 * the recording one and through plain JDBC on the no-op connection's pool, in an order that
 * rotates every invocation, and adds each one's time to its own counter ({@link Turns}; JMH
 * auxiliary counters in {@link Times}: one value per iteration in the JSON result). The three share every moment
 * of the machine, the JIT and the database, so the ratio of two counters in one iteration, and
 * its median over iterations and forks, is free of the fork-to-fork drift that hides a 5 %
 * difference when the variants run in separate forks ({@link ObservabilityBenchmark},
 * docs/performance.md). {@code System.nanoTime} costs about 25 ns a call, nothing next to a query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(5)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObservabilityInterleavedBenchmark {

    /** The database. */
    @Param({"h2", "postgresql"})
    public String db;

    SQLConnection noop;
    SQLConnection sdk;
    DataSource pool;
    RecordingSdk recording;
    String table;
    String query;

    /**
     * Nanoseconds spent in each variant during one iteration (JMH reports each as is, summed over
     * the iteration).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        final Turns turns = new Turns(3);

        /** @return the time in queries through the connection made with OpenTelemetry a no-op */
        public long noopNanos() {
            return turns.nanos(0);
        }

        /** @return the time in queries through the connection recording with the SDK */
        public long sdkNanos() {
            return turns.nanos(1);
        }

        /** @return the time in plain JDBC on the no-op connection's pool */
        public long jdbcNanos() {
            return turns.nanos(2);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /** Makes the no-op connection and seeds the table, then installs the SDK and makes the recording one. */
    @Setup
    public void setup() {
        GlobalOpenTelemetry.resetForTest();
        Telemetry.forget();
        noop = Databases.connect(db, "bench_interleaved_noop_" + db, "bench_interleaved");
        table = Databases.tableName();
        query = Databases.query(table);
        Databases.seed(noop, table);
        pool = noop.raw();
        recording = new RecordingSdk();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(recording.sdk());
        Telemetry.forget();
        sdk = Databases.connect(db, "bench_interleaved_sdk_" + db, "bench_interleaved");
        sdk.query(query);
    }

    /** Drops the table, closes both connections and the SDK. */
    @TearDown
    public void tearDown() {
        try {
            sdk.close();
            Databases.dropAndClose(noop, table);
        } finally {
            recording.close();
            GlobalOpenTelemetry.resetForTest();
            Telemetry.forget();
        }
    }

    /**
     * One query of each variant, timed apart.
     *
     * @param times the counters
     * @param out   where the results go
     * @throws Exception when a query fails
     */
    @Benchmark
    public void interleaved(Times times, Blackhole out) throws Exception {
        times.turns.take(out, 1, () -> noop.query(query), () -> sdk.query(query), () -> Databases.plainJdbc(pool, query));
    }

    /** @return the spans exported so far, for the test */
    long flushAndCountSpans() {
        return recording.flushAndCountSpans();
    }
}
