package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.mariadb;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.ConnectionUnavailableException;

/** Against the local MariaDB: the mysql dialect through MariaDB Connector/J, and reads through KILL CONNECTION. */
class SqlMariaDbTest {

    @Test
    void theMysqlDialectRunsOnMariaDbConnectorJWhenConnectorJIsAbsent() {
        SQLConnection sql = new SQLConnection(io.cdiconnections.ConnectionContext.of(uniqueName("mysql"),
                SqlTestSupport.options("dialect", "mysql", "driver", "pymysql", "host", "127.0.0.1", "port", "3306",
                        "database", "test", "username", "root", "query.charset", "utf8mb4")));
        try {
            assertThat(sql.query("select database() as db, :x as x", Map.of("x", "ok")).row(0).values())
                    .containsExactly("test", "ok");
            assertThat(sql.raw().getJdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        } finally {
            sql.close();
        }
    }

    @Test
    void aReadSucceedsThroughTheRetryAfterKillConnectionAndAWriteFailsCleanly() throws Exception {
        SQLConnection sql = mariadb(uniqueName("mdbkill"));
        String table = "cdi_sql_" + sql.name();
        try {
            sql.update("create table " + table + " (id int primary key)");
            sql.update("insert into " + table + " values (1)");
            HikariDataSource before = sql.raw();

            killPoolConnections(sql);
            assertThat(sql.query("select count(*) from " + table).as(Long.class)).containsExactly(1L);
            assertThat(sql.raw()).isNotSameAs(before);

            killPoolConnections(sql);
            assertThatThrownBy(() -> sql.update("insert into " + table + " values (2)"))
                    .isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageContaining("Writes are never retried");
            Thread.sleep(700);
            assertThat(sql.query("select id from " + table).as(Integer.class)).containsExactly(1);
        } finally {
            sql.update("drop table if exists " + table);
            sql.close();
        }
    }

    /** Borrows every connection of the pool at once, learns their ids, gives them back, and kills them. */
    private static void killPoolConnections(SQLConnection sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Connection c = sql.connection();
                held.add(c);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select connection_id()")) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        try (Connection admin = DriverManager.getConnection(SqlTestSupport.MARIADB_URL, "root", "");
             Statement st = admin.createStatement()) {
            for (long id : ids) {
                st.execute("kill connection " + id);
            }
        }
    }
}
