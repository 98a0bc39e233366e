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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link StreamBenchmark}'s goal measured interleaved (issue 16): 1,000,000 rows streamed through
 * {@code sql.stream(...)} and through plain JDBC with the same fetch size take turns in one JVM,
 * each timed into its own counter ({@link Turns}); the ratio within an iteration compares them
 * over the same seconds. Goal: ours at least 0.9 times plain JDBC's throughput, that is
 * {@code oursNanos / jdbcNanos} at most 1.11.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgs = "-Xmx256m")
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class StreamInterleavedBenchmark {

    final StreamBenchmark streams = new StreamBenchmark();

    /** Nanoseconds in each variant during one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        final Turns turns = new Turns(2);

        /** @return the time in {@code sql.stream(...)} */
        public long oursNanos() {
            return turns.nanos(0);
        }

        /** @return the time in plain JDBC */
        public long jdbcNanos() {
            return turns.nanos(1);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /** Opens the pool. */
    @Setup
    public void setup() {
        streams.setup();
    }

    /** Closes the pool. */
    @TearDown
    public void tearDown() {
        streams.tearDown();
    }

    /**
     * The whole result once through each.
     *
     * @param times the counters
     * @param out   takes every value
     * @throws Exception when a query fails
     */
    @Benchmark
    public void stream(Times times, Blackhole out) throws Exception {
        times.turns.take(out, 1, () -> streams.streamOurs(out), () -> streams.streamBaselineJdbc(out));
    }
}
