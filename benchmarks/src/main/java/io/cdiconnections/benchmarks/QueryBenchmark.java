package io.cdiconnections.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
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

import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/**
 * Rows 3, 4 and 5: a 100-row, 5-column query through {@code sql.query(...)} against plain JDBC
 * on the same pool, in H2 in memory and in PostgreSQL on loopback; and the same query served
 * from the result cache (a ttl given).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueryBenchmark {

    /** The database. */
    @Param({"h2", "postgresql"})
    public String db;

    SQLConnection sql;
    DataSource pool;
    String table;
    String query;
    Duration ttl = Duration.ofMinutes(10);

    /** Seeds the table and warms the pool. */
    @Setup
    public void setup() {
        sql = Databases.connect(db, "bench_" + db);
        table = Databases.tableName();
        query = Databases.query(table);
        Databases.seed(sql, table);
        pool = sql.raw(); // the same pool: the baseline pays no pool of its own
    }

    /** Drops the table and closes the pool. */
    @TearDown
    public void tearDown() {
        Databases.dropAndClose(sql, table);
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

    /** @return the rows, from the result cache */
    @Benchmark
    public Table queryCachedHit() {
        return sql.query(query, QueryOptions.defaults().ttl(ttl));
    }
}
