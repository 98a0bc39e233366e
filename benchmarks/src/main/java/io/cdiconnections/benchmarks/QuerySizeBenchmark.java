package io.cdiconnections.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/**
 * The read path at three sizes (issue 16): 10, 1,000 and 100,000 rows of 5 columns (int, text,
 * decimal, timestamp, boolean) from PostgreSQL on loopback, on one pool. The baseline is what a
 * Java developer writes without us: plain JDBC, typed getters by position, one record per row.
 * Goals: {@code sql.query(...)} and {@code sql.query(...).as(Item.class)} each at most 1.05 times
 * the baseline's time, at each size; {@code queryTypedOurs} is {@code sql.query(q, options, Item.class)},
 * which maps straight from the result set with typed getters. {@code mapOurs} and {@code mapByHand} take the mapping
 * alone: the same {@link Table}, read once in the set-up, mapped by {@link Table#as(Class)} and
 * by a hand-written loop. {@code jdbcObjects} (the driver calls {@code query} makes, into
 * {@code Object[]}) and {@code jdbcRecordsViaTimestamp} (records again, the timestamp read as a
 * {@code java.sql.Timestamp}) show where the rest of the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuerySizeBenchmark {

    /** The largest size: the rows of the table. */
    public static final int MAX_ROWS = 100_000;

    /** One row, as a developer maps it. */
    public record Item(int id, String name, BigDecimal price, LocalDateTime created, boolean active) {
    }

    /** The rows each query returns. */
    @Param({"10", "1000", "100000"})
    public int rows;

    SQLConnection sql;
    DataSource pool;
    String table;
    String query;
    Table read;

    /** Seeds the table (100,000 rows, whatever the size) and warms the pool. */
    @Setup
    public void setup() {
        sql = Databases.connect("postgresql", "bench_sizes");
        pool = sql.raw(); // the same pool: the baseline pays no pool of its own
        table = "bench_sizes_" + ProcessHandle.current().pid();
        sql.update("drop table if exists " + table);
        sql.update("create table " + table
                + " (id int primary key, name varchar(40), price decimal(10,2), created timestamp, active boolean)");
        sql.update("insert into " + table + " select i, 'item number ' || i, i + 0.25,"
                + " timestamp '2026-01-01 00:00:00' + i * interval '1 minute', i % 2 = 0"
                + " from generate_series(0, " + (MAX_ROWS - 1) + ") i");
        // vacuumed here rather than by autovacuum during the measurement: with only an analyze, a fork's
        // first seconds (up to all 8 at 1,000 rows) often ran 5-20 times slower; autovacuum of the
        // 100,000 new rows is the likely cause
        sql.update("vacuum analyze " + table);
        query = "select id, name, price, created, active from " + table + " where id < " + rows + " order by id";
        read = sql.query(query);
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

    /** @return the rows as records, through us */
    @Benchmark
    public List<Item> asOurs() {
        return sql.query(query).as(Item.class);
    }

    /** @return the rows as records, through our typed query: mapped straight from the result set, no {@link Table} */
    @Benchmark
    public List<Item> queryTypedOurs() {
        return sql.query(query, QueryOptions.defaults(), Item.class);
    }

    /**
     * @return the rows as records, through plain JDBC
     * @throws SQLException when the query fails
     */
    @Benchmark
    public List<Item> jdbcRecords() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(query);
             ResultSet rs = ps.executeQuery()) {
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new Item(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDateTime.class), rs.getBoolean(5)));
            }
            return items;
        }
    }

    /**
     * @return the rows as records, through plain JDBC reading the timestamp as {@code getObject}
     *         does (a {@code java.sql.Timestamp}, which is what a {@link Table} holds), then
     *         {@code toLocalDateTime()}
     * @throws SQLException when the query fails
     */
    @Benchmark
    public List<Item> jdbcRecordsViaTimestamp() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(query);
             ResultSet rs = ps.executeQuery()) {
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new Item(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getTimestamp(4).toLocalDateTime(), rs.getBoolean(5)));
            }
            return items;
        }
    }

    /**
     * @return the rows through plain JDBC as {@code getObject} gives them, in {@code Object[]}:
     *         the driver calls {@code sql.query} makes, without the rest of it
     * @throws SQLException when the query fails
     */
    @Benchmark
    public List<Object[]> jdbcObjects() throws SQLException {
        return Databases.plainJdbc(pool, query);
    }

    /** @return the table read in the set-up, mapped by us */
    @Benchmark
    public List<Item> mapOurs() {
        return read.as(Item.class);
    }

    /** @return the table read in the set-up, mapped by a hand-written loop */
    @Benchmark
    public List<Item> mapByHand() {
        return byHand(read);
    }

    /** @return the rows through us, mapped to records by a hand-written loop */
    @Benchmark
    public List<Item> queryByHand() {
        return byHand(sql.query(query));
    }

    private static List<Item> byHand(Table table) {
        List<Item> items = new ArrayList<>(table.size());
        for (Row r : table) {
            items.add(new Item((Integer) r.get(0), (String) r.get(1), (BigDecimal) r.get(2),
                    ((java.sql.Timestamp) r.get(3)).toLocalDateTime(), (Boolean) r.get(4)));
        }
        return items;
    }
}
