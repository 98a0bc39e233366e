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
 * {@link QuerySizeBenchmark}'s goals measured interleaved (issue 16): in one JVM, on the same
 * table and pool, {@code read} runs {@code sql.query(...)}, {@code sql.query(...).as(Item.class)},
 * plain JDBC mapped to records, the typed {@code sql.query(q, options, Item.class)} and
 * {@code sql.query(...)} mapped by a hand-written loop in turn,
 * each timed into its own counter, the order rotating
 * every invocation ({@link Turns}); {@code map} does the same for the mapping alone, our
 * {@code Table.as} against a hand-written loop over the same {@code Table}, read once (its
 * timestamps then keep the fields {@code toLocalDateTime()} computed on the first pass, so the
 * loop is cheaper than on a fresh result: {@code asNanos / queryByHandNanos} compares the two
 * mappings on fresh results). The ratio of two
 * counters in one iteration compares the variants over the same seconds of the same machine:
 * the separate-fork runs of {@link QuerySizeBenchmark} drift more than the 5 % sought.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class QuerySizeInterleavedBenchmark {

    /** The rows each query returns. */
    @Param({"10", "1000", "100000"})
    public int rows;

    final QuerySizeBenchmark sizes = new QuerySizeBenchmark();

    /** Nanoseconds in each reading variant during one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ReadTimes {
        final Turns turns = new Turns(5);

        /** @return the time in {@code sql.query(...)} */
        public long queryNanos() {
            return turns.nanos(0);
        }

        /** @return the time in {@code sql.query(...).as(Item.class)} */
        public long asNanos() {
            return turns.nanos(1);
        }

        /** @return the time in plain JDBC mapped to records by hand */
        public long jdbcRecordsNanos() {
            return turns.nanos(2);
        }

        /** @return the time in {@code sql.query(q, options, Item.class)}, mapped straight from the result set */
        public long queryTypedNanos() {
            return turns.nanos(3);
        }

        /**
         * @return the time in {@code sql.query(...)} and a hand-written loop mapping its fresh
         *         {@code Table} to records: what {@code .as(Item.class)} replaces
         */
        public long queryByHandNanos() {
            return turns.nanos(4);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /** Nanoseconds in each mapping variant during one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class MapTimes {
        final Turns turns = new Turns(2);

        /** @return the time in {@code Table.as(Item.class)} */
        public long mapOursNanos() {
            return turns.nanos(0);
        }

        /** @return the time in the hand-written loop */
        public long mapByHandNanos() {
            return turns.nanos(1);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /** Seeds {@link QuerySizeBenchmark}'s table and reads the {@code Table} the mapping uses. */
    @Setup
    public void setup() {
        sizes.rows = rows;
        sizes.setup();
    }

    /** Drops the table and closes the pool. */
    @TearDown
    public void tearDown() {
        sizes.tearDown();
    }

    /**
     * One read of each variant.
     *
     * @param times the counters
     * @param out   where the results go
     * @throws Exception when a query fails
     */
    @Benchmark
    public void read(ReadTimes times, Blackhole out) throws Exception {
        times.turns.take(out, 1, sizes::queryOurs, sizes::asOurs, sizes::jdbcRecords, sizes::queryTypedOurs,
                sizes::queryByHand);
    }

    /**
     * The mapping alone, each variant repeated so that a window lasts some microseconds.
     *
     * @param times the counters
     * @param out   where the results go
     * @throws Exception never
     */
    @Benchmark
    public void map(MapTimes times, Blackhole out) throws Exception {
        times.turns.take(out, Math.max(1, 1000 / rows), sizes::mapOurs, sizes::mapByHand);
    }
}
