package io.cdiconnections.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

/**
 * Rows 1 and 6: {@code Connections.get} on a warm key against {@code ConcurrentHashMap.get} of a
 * String key, and the same lookup from 8 threads against 1 (throughput).
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBenchmark {

    /** Not final, so the JIT cannot fold the key. */
    String name = "sql";
    private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();

    /** Makes the handle (no pool: lookups never connect) and fills the baseline map. */
    @Setup
    public void setup() {
        System.setProperty("connections.sql.url", "jdbc:h2:mem:lookup;DB_CLOSE_DELAY=-1");
        SQLConnection sql = Connections.get(name, SQLConnection.class);
        for (int i = 0; i < 15; i++) {
            map.put("connection" + i, new Object());
        }
        map.put(name, sql);
    }

    /** @return the handle */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public SQLConnection lookupOurs() {
        return Connections.get(name, SQLConnection.class);
    }

    /** @return the value of the key */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object lookupBaselineMap() {
        return map.get(name);
    }

    /** @return the handle, one thread */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public SQLConnection contention1Thread() {
        return Connections.get(name, SQLConnection.class);
    }

    /** @return the handle, eight threads on the same key */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(8)
    public SQLConnection contention8Threads() {
        return Connections.get(name, SQLConnection.class);
    }
}
