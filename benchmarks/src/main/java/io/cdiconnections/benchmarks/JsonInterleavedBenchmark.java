package io.cdiconnections.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

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

import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/**
 * A {@link Table} written as JSON by JSON-B (Yasson, as WildFly ships it, on Parsson) through our
 * {@code TableJsonbSerializer}, against the same rows as records written by Yasson's own path:
 * what a JAX-RS resource returning a {@code Table} pays for its JSON, next to one returning a
 * {@code List} of records. Both take turns in one JVM, each timed into its own counter
 * ({@link Turns}), writing UTF-8 into a byte stream with one shared {@link Jsonb}, as the
 * server's JSON-B provider does. The rows are 5 columns (int, text, decimal, timestamp,
 * boolean) read from PostgreSQL, so the values are the driver's ({@code java.sql.Timestamp} in
 * the table, {@code LocalDateTime} in the records). A {@code Timestamp} caches its calendar
 * fields once asked, and a server writes each table once: before each turn the table's
 * timestamps are reset to the same instant (untimed), so every turn writes them as a fresh
 * table's. Where the in-server benchmark's {@code ours/table} trailed {@code ours/as} (the same
 * read, records written by Yasson), this isolates the difference: the JSON
 * ({@code tableNanos / recordsNanos}, docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonInterleavedBenchmark {

    /** One row, as an application maps it. */
    public record Item(int id, String name, BigDecimal price, LocalDateTime created, boolean active) {
    }

    /** The rows written: a server endpoint's page, and a large result. */
    @Param({"20", "1000"})
    public int rows;

    SQLConnection sql;
    String tableName;
    Table table;
    List<Item> items;
    Jsonb jsonb;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);

    /** Nanoseconds in each variant during one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        final Turns turns = new Turns(2);

        /** @return the time writing the {@link Table} */
        public long tableNanos() {
            return turns.nanos(0);
        }

        /** @return the time writing the records */
        public long recordsNanos() {
            return turns.nanos(1);
        }

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            turns.clear();
        }
    }

    /**
     * Reads the rows from PostgreSQL as a {@link Table} and as records, and checks that both
     * write the same JSON values.
     */
    @Setup
    public void setup() {
        sql = Databases.connect("postgresql", "bench_json");
        tableName = "bench_json_" + ProcessHandle.current().pid();
        sql.update("drop table if exists " + tableName);
        sql.update("create table " + tableName
                + " (id int primary key, name varchar(40), price decimal(10,2), created timestamp, active boolean)");
        sql.update("insert into " + tableName + " select i, 'item number ' || i, i + 0.25,"
                + " timestamp '2026-01-01 00:00:00' + i * interval '1 minute', i % 2 = 0"
                + " from generate_series(0, " + (rows - 1) + ") i");
        table = sql.query("select id, name, price, created, active from " + tableName + " order by id");
        items = table.as(Item.class);
        jsonb = JsonbBuilder.create();
        if (!sameJson()) {
            throw new IllegalStateException("the table and the records give different JSON");
        }
    }

    /** Drops the table and closes the pool and JSON-B. */
    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
        Databases.dropAndClose(sql, tableName);
    }

    /** @return whether the table and the records write the same objects (keys aside, Yasson sorts them) */
    boolean sameJson() {
        return rows(tableJson()).equals(rows(recordsJson()));
    }

    private static HashSet<JsonValue> rows(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return new HashSet<>(reader.readArray());
        }
    }

    /** @return the table's JSON */
    String tableJson() {
        return new String(writeTable().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the records' JSON */
    String recordsJson() {
        return new String(writeRecords().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the bytes of the table, through our serializer */
    ByteArrayOutputStream writeTable() {
        bytes.reset();
        jsonb.toJson(table, bytes);
        return bytes;
    }

    /** @return the bytes of the records, through Yasson */
    ByteArrayOutputStream writeRecords() {
        bytes.reset();
        jsonb.toJson(items, bytes);
        return bytes;
    }

    /** Makes the table's timestamps as fresh as a new table's: their cached calendar fields dropped. */
    void freshTimestamps() {
        for (Row row : table) {
            Timestamp t = (Timestamp) row.get(3);
            int nanos = t.getNanos();
            t.setTime(t.getTime()); // Date.setTime forgets the fields
            t.setNanos(nanos);
        }
    }

    /**
     * Each variant once.
     *
     * @param times the counters
     * @param out   where the results go
     * @throws Exception never
     */
    @Benchmark
    public void write(Times times, Blackhole out) throws Exception {
        times.turns.take(out, 1, this::freshTimestamps, this::writeTable, this::writeRecords);
    }
}
