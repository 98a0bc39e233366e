package io.cdiconnections.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;

/**
 * Streaming (issue 16): 1,000,000 rows of 5 columns from PostgreSQL on loopback through
 * {@code sql.stream(...)} against plain JDBC on the same pool with the same fetch size (a cursor
 * in a transaction, as PostgreSQL needs); each value goes to a {@link Blackhole}. The goal:
 * ours at least 0.9 times the throughput of plain JDBC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx256m")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
public class StreamBenchmark {

    /** The rows of the query. */
    public static final int ROWS = Integer.getInteger("bench.stream.rows", 1_000_000);
    /** The fetch size of both sides. */
    public static final int FETCH_SIZE = 1_000;
    static final String QUERY = "select i, i * 2 as twice, 'row number ' || i as note, now() as at,"
            + " i::numeric / 3 as third from generate_series(1, " + ROWS + ") i";

    SQLConnection sql;
    DataSource pool;

    /** Opens the pool. */
    @Setup
    public void setup() {
        sql = Databases.connect("postgresql", "bench_stream");
        pool = sql.raw();
    }

    /** Closes the pool. */
    @TearDown
    public void tearDown() {
        sql.close();
    }

    /**
     * @param bh takes every value
     * @return the rows read
     */
    @Benchmark
    public long streamOurs(Blackhole bh) {
        try (Stream<Row> rows = sql.stream(QUERY, QueryOptions.defaults().fetchSize(FETCH_SIZE))) {
            return rows.mapToLong(r -> {
                for (int i = 0; i < 5; i++) {
                    bh.consume(r.get(i));
                }
                return 1;
            }).sum();
        }
    }

    /**
     * @param bh takes every value
     * @return the rows read, through the stream's iterator (a pull adapter the JDK puts over the pipeline)
     */
    @Benchmark
    public long streamOursIterator(Blackhole bh) {
        long n = 0;
        try (Stream<Row> rows = sql.stream(QUERY, QueryOptions.defaults().fetchSize(FETCH_SIZE))) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                for (int i = 0; i < 5; i++) {
                    bh.consume(r.get(i));
                }
                n++;
            }
        }
        return n;
    }

    /**
     * @param bh takes every value
     * @return the rows read
     * @throws SQLException when the query fails
     */
    @Benchmark
    public long streamBaselineJdbc(Blackhole bh) throws SQLException {
        long n = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 5; i++) {
                            bh.consume(rs.getObject(i));
                        }
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return n;
    }
}
