package io.cdiconnections.benchmarks;

import java.util.concurrent.TimeUnit;

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

/**
 * {@link InsertBenchmark}'s goals measured interleaved (issue 16): {@code sql.insert} of 100,000
 * rows, plain JDBC batches of the same size and one {@code sql.update} per row take turns in one
 * JVM, the table emptied (untimed) before each, each timed into its own counter ({@link Turns}).
 * The row-by-row counter is scaled to 100,000 rows (it writes 2,000), so every ratio of two
 * counters in one iteration compares time per row. Goals: {@code oursNanos / jdbcNanos} at most
 * 1.11 (0.9 times JDBC's speed) and {@code rowByRowNanos / oursNanos} at least 10.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class InsertInterleavedBenchmark {

    /** Whether the driver rewrites a batch into multi-row inserts ({@code reWriteBatchedInserts}). */
    @Param({"false", "true"})
    public boolean rewrite;

    final InsertBenchmark inserts = new InsertBenchmark();

    /** Nanoseconds in each variant during one iteration, the row-by-row one scaled to as many rows. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        final Turns turns = new Turns(3);

        /** @return the time in {@code sql.insert} */
        public long oursNanos() {
            return turns.nanos(0);
        }

        /** @return the time in plain JDBC batches */
        public long jdbcNanos() {
            return turns.nanos(1);
        }

        /** @return the time in one {@code sql.update} per row, scaled to the batch inserts' row count */
        public long rowByRowNanos() {
            return turns.nanos(2) * (InsertBenchmark.ROWS / InsertBenchmark.ROW_BY_ROW_ROWS);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /** Creates the table and the rows. */
    @Setup
    public void setup() {
        inserts.rewrite = rewrite;
        inserts.setup();
    }

    /** Drops the table and closes the pool. */
    @TearDown
    public void tearDown() {
        inserts.tearDown();
    }

    /**
     * Each way of writing once, into an emptied table.
     *
     * @param times the counters
     * @param out   where the counts go
     * @throws Exception when an insert fails
     */
    @Benchmark
    public void insert(Times times, Blackhole out) throws Exception {
        times.turns.take(out, 1, inserts::empty, inserts::insertOurs, inserts::insertBaselineJdbc,
                inserts::insertRowByRow);
    }
}
