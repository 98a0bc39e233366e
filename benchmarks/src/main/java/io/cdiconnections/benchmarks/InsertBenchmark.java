package io.cdiconnections.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

/**
 * Writing many rows into PostgreSQL on loopback: {@code sql.insert(table, records)} against plain
 * JDBC {@code addBatch}/{@code executeBatch} with the same batch size on the same pool, and
 * against one {@code sql.update(insert ...)} per row (fewer rows, since it is slow). Scores are
 * per row ({@link OperationsPerInvocation}), so the three compare directly; {@code rewrite} runs
 * with the driver's {@code reWriteBatchedInserts=true}. The table is emptied before every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class InsertBenchmark {

    /** Rows of the batch inserts. */
    public static final int ROWS = 100_000;
    /** Rows of the one-statement-per-row insert. */
    public static final int ROW_BY_ROW_ROWS = 2_000;
    /** Rows per JDBC batch, ours and the baseline's. */
    public static final int BATCH = 1_000;

    /** One row: five columns (int, text, decimal, timestamp, boolean). */
    public record Item(int id, String name, BigDecimal price, LocalDateTime created, boolean active) {
    }

    /** Whether the driver rewrites a batch into multi-row inserts ({@code reWriteBatchedInserts}). */
    @Param({"false", "true"})
    public boolean rewrite;

    /** Rows the batch inserts write (tests use fewer). */
    public int rows = ROWS;
    /** Rows the row-by-row insert writes (tests use fewer). */
    public int rowByRowRows = ROW_BY_ROW_ROWS;

    SQLConnection sql;
    DataSource pool;
    String table;
    List<Item> items;
    String insert;

    /** Creates the table and the rows. */
    @Setup
    public void setup() {
        sql = Connections.builder("bench_insert_" + rewrite).type("sql").option("pool.maximumPoolSize", "2")
                .option("url", Databases.POSTGRES_URL + (rewrite ? "?reWriteBatchedInserts=true" : ""))
                .option("username", Databases.POSTGRES_USER).get(SQLConnection.class);
        table = "bench_insert_" + ProcessHandle.current().pid();
        sql.update("drop table if exists " + table);
        sql.update("create table " + table
                + " (id int primary key, name varchar(40), price decimal(10,2), created timestamp, active boolean)");
        insert = "insert into " + table + " (id, name, price, created, active) values (?, ?, ?, ?, ?)";
        items = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            items.add(new Item(i, "item number " + i, new BigDecimal(i + ".25"),
                    LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i), i % 2 == 0));
        }
        pool = sql.raw();
    }

    /** Empties the table before every call, so each inserts into the same empty table. */
    @Setup(Level.Invocation)
    public void empty() {
        sql.update("truncate table " + table);
    }

    /** Drops the table and closes the pool. */
    @TearDown
    public void tearDown() {
        Databases.dropAndClose(sql, table);
    }

    /** @return the rows inserted, through {@code sql.insert} */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int insertOurs() {
        return sql.insert(table, items, BATCH);
    }

    /**
     * @return the rows inserted, through plain JDBC batches in one transaction
     * @throws SQLException when the insert fails
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int insertBaselineJdbc() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            int n = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                ps.setInt(1, it.id());
                ps.setString(2, it.name());
                ps.setBigDecimal(3, it.price());
                ps.setTimestamp(4, Timestamp.valueOf(it.created()));
                ps.setBoolean(5, it.active());
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == items.size() - 1) {
                    for (int count : ps.executeBatch()) {
                        n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
                    }
                }
            }
            c.commit();
            return n;
        }
    }

    /** @return the rows inserted, one {@code sql.update} (and commit) per row */
    @Benchmark
    @OperationsPerInvocation(ROW_BY_ROW_ROWS)
    public int insertRowByRow() {
        String one = "insert into " + table + " (id, name, price, created, active) "
                + "values (:id, :name, :price, :created, :active)";
        int n = 0;
        for (int i = 0; i < rowByRowRows; i++) {
            Item it = items.get(i);
            n += sql.update(one, Map.of("id", it.id(), "name", it.name(), "price", it.price(), "created",
                    it.created(), "active", it.active()));
        }
        return n;
    }

    /** @return the rows the table holds now */
    long count() {
        return sql.query("select count(*) as n from " + table).row(0).get("n", Long.class);
    }
}
