package io.cdiconnections.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.sql.SQLConnection;

/**
 * The contract for our own SQLConnection, whatever the database: a subclass gives the sections
 * (the HikariDataSource says when it is closed, so nothing else is needed).
 */
abstract class SqlConnectionContract extends ConnectionContract<SQLConnection, HikariDataSource> {

    @Override
    protected Class<SQLConnection> connectionClass() {
        return SQLConnection.class;
    }

    @Override
    protected void exercise(HikariDataSource raw) throws Exception {
        try (Connection c = raw.getConnection()) {
            selectOne(c);
        }
    }

    /** Real work on a JDBC connection: {@code select 1} answers 1. */
    static void selectOne(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isOne();
        }
    }
}
