package io.cdiconnections.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

/**
 * The databases and the data every query benchmark reads: 100 rows of 5 columns (int, text,
 * decimal, timestamp, boolean), in H2 in memory or in the local PostgreSQL.
 */
public final class Databases {

    /** The local PostgreSQL of the test machines (trust authentication, database {@code test}). */
    public static final String POSTGRES_URL = System.getProperty("bench.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    /** Its user. */
    public static final String POSTGRES_USER = System.getProperty("bench.postgres.user", "postgres");
    /** The rows each query returns. */
    public static final int ROWS = 100;

    private Databases() {
    }

    /** @return a table name no concurrent run uses (PostgreSQL is shared with the tests) */
    public static String tableName() {
        return "bench_items_" + ProcessHandle.current().pid();
    }

    /**
     * @param table the table to read, from {@link #tableName()}
     * @return the query of the query benchmarks
     */
    public static String query(String table) {
        return "select id, name, price, created, active from " + table + " order by id";
    }

    /**
     * @param db   {@code h2} or {@code postgresql}
     * @param name the connection name
     * @return a connection to that database, made through {@link Connections}
     */
    public static SQLConnection connect(String db, String name) {
        return connect(db, name, name);
    }

    /**
     * @param db       {@code h2} or {@code postgresql}
     * @param name     the connection name
     * @param database the in-memory H2 database to open (connections given the same one share it);
     *                 ignored for PostgreSQL, which is one database
     * @return a connection to that database, made through {@link Connections}
     */
    public static SQLConnection connect(String db, String name, String database) {
        Connections.Builder b = Connections.builder(name).type("sql").option("pool.maximumPoolSize", "4");
        if ("postgresql".equals(db)) {
            b.option("url", POSTGRES_URL).option("username", POSTGRES_USER);
        } else {
            b.option("url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        }
        return b.get(SQLConnection.class);
    }

    /**
     * Creates the table and its 100 rows.
     *
     * @param sql   the connection
     * @param table the table name
     */
    public static void seed(SQLConnection sql, String table) {
        sql.update("drop table if exists " + table);
        sql.update("create table " + table
                + " (id int primary key, name varchar(40), price decimal(10,2), created timestamp, active boolean)");
        for (int i = 0; i < ROWS; i++) {
            sql.update("insert into " + table + " values (:id, :name, :price, :created, :active)",
                    java.util.Map.of("id", i, "name", "item number " + i,
                            "price", new java.math.BigDecimal(i + ".25"),
                            "created", java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i),
                            "active", i % 2 == 0));
        }
    }

    /**
     * Drops a benchmark's table and closes its connection: every database benchmark's tear-down.
     *
     * @param sql   the connection
     * @param table the table
     */
    public static void dropAndClose(SQLConnection sql, String table) {
        try {
            sql.update("drop table if exists " + table);
        } finally {
            sql.close();
        }
    }

    /**
     * What a developer writes without us: a prepared statement, read into {@code Object[]} rows.
     *
     * @param pool the pool
     * @param sql  the query
     * @return the rows
     * @throws SQLException when the query fails
     */
    public static List<Object[]> plainJdbc(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
