package io.cdiconnections.benchmarks.server;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/**
 * Makes the table both sides read, once, at deployment: {@value #OWNERS} owners of
 * {@value #ROWS_PER_OWNER} items each (the endpoints read one owner's).
 */
@ApplicationScoped
public class Seed {

    /** The table. */
    public static final String TABLE = "bench_server_items";
    /** Owners in the table. */
    static final int OWNERS = 50;
    /** The rows one request reads. */
    public static final int ROWS_PER_OWNER = 20;

    @Inject
    @Connection(name = "bench")
    SQLConnection sql;

    void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sql.update("drop table if exists " + TABLE);
        sql.update("create table " + TABLE + " (id int primary key, owner varchar(20), name varchar(40),"
                + " price decimal(10,2), created timestamp)");
        sql.update("insert into " + TABLE + " select i, 'owner' || (i % " + OWNERS + "), 'item number ' || i,"
                + " i + 0.25, timestamp '2026-01-01 00:00:00' + i * interval '1 minute'"
                + " from generate_series(0, " + (OWNERS * ROWS_PER_OWNER - 1) + ") i");
        sql.update("create index on " + TABLE + " (owner)");
        sql.update("analyze " + TABLE);
        if (sql.query("select count(*) n from " + TABLE + " where owner = :o", Map.of("o", "owner7"))
                .column("n").get(0) instanceof Number n && n.intValue() != ROWS_PER_OWNER) {
            throw new IllegalStateException("seeded " + n + " rows for owner7, expected " + ROWS_PER_OWNER);
        }
    }
}
