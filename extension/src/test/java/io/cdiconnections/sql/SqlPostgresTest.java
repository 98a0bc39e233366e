package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.postgres;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.ConnectionUnavailableException;

/** Against the local PostgreSQL: retries after killed backends, writes not retried, casts, session counts. */
class SqlPostgresTest {

    private SQLConnection sql;
    private String table;

    @BeforeEach
    void open() {
        sql = postgres(uniqueName("pg"));
        table = "cdi_sql_" + sql.name();
        sql.update("create table " + table + " (id int primary key, note text)");
    }

    @AfterEach
    void close() {
        try {
            sql.update("drop table if exists " + table);
        } finally {
            sql.close();
        }
    }

    @Test
    void aReadSucceedsThroughTheRetryWhenTheServerKillsEveryBackendOfThePool() throws SQLException {
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
        HikariDataSource before = sql.raw();

        int killed = terminateBackends(sql);
        Table t = sql.query("select count(*) as n from " + table);

        assertThat(killed).isPositive();
        assertThat(t.as(Long.class)).containsExactly(0L);
        assertThat(sql.raw()).as("the pool that failed was retired").isNotSameAs(before);
        assertThat(before.isClosed()).isTrue();
    }

    @Test
    void aWriteIsNotRetriedAndNotAppliedTwice() throws Exception {
        sql.update("insert into " + table + " values (1, 'first')");
        terminateBackends(sql);

        assertThatThrownBy(() -> sql.update("insert into " + table + " values (2, 'second')"))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageStartingWith("Connection '" + sql.name() + "': the database could not be reached: ")
                .hasMessageEndingWith(". Writes are never retried, since one that met a lost connection may already "
                        + "have been applied; check before repeating it.");
        Thread.sleep(700); // past HikariCP's alive-bypass window, so it checks the other idle connection

        assertThat(sql.query("select count(*) from " + table + " where id = 2").as(Long.class)).containsExactly(0L);
        assertThat(sql.update("insert into " + table + " values (2, 'again')")).isEqualTo(1);
        assertThat(sql.query("select id from " + table + " order by id").as(Integer.class)).containsExactly(1, 2);
    }

    @Test
    void castsDollarQuotesAndJsonOperatorsLeaveParametersAlone() {
        Table t = sql.query("select :n::int + 1 as x, $$a :literal$$ as y, '{\"k\": \"v\"}'::jsonb ->> 'k' as z",
                Map.of("n", "41"));

        assertThat(t.row(0).values()).containsExactly(42, "a :literal", "v");
    }

    @Test
    void aStatementTimeoutCancelsTheQueryAndIsNotRetried() throws SQLException {
        String attempts = table + "_attempts";
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("create sequence " + attempts);
        }
        try {
            // each run of the statement takes a number from the sequence, which no rollback returns
            assertThatThrownBy(() -> sql.query("select nextval('" + attempts + "'), pg_sleep(5)",
                    QueryOptions.defaults().timeout(java.time.Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"))
                    .hasMessageContaining("canceling statement due to user request");
            try (Connection admin = admin(); Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("select last_value from " + attempts)) {
                rs.next();
                assertThat(rs.getLong(1)).as("times the statement ran").isEqualTo(1);
            }
        } finally {
            try (Connection admin = admin(); Statement s = admin.createStatement()) {
                s.execute("drop sequence " + attempts);
            }
        }
    }

    @Test
    void hostileValuesRoundTripAndTheTableSurvives() {
        String hostile = "'; drop table " + table + "; --";
        sql.update("insert into " + table + " values (:id, :note)", Map.of("id", 7, "note", hostile));

        assertThat(sql.query("select note from " + table + " where note = :note", Map.of("note", hostile))
                .as(String.class)).containsExactly(hostile);
        assertThat(sql.query("select count(*) from " + table).as(Long.class)).containsExactly(1L);
    }

    @Test
    void theApplicationNameScopesThePoolsSessionsToThePoolSize() throws SQLException {
        for (int i = 0; i < 20; i++) {
            sql.query("select pg_sleep(0.001)");
        }
        sql.reset();
        sql.query("select 1");

        assertThat(sessions(sql)).isBetween(1, 2);
        assertThat(sql.raw().getPoolName()).isEqualTo("cdi-connections-" + sql.name());
    }

    @Test
    void anUnreachableServerIsAClearError() {
        SQLConnection down = postgres(uniqueName("pgdown"), "url", "postgresql://postgres:Pw-Unreachable-1@127.0.0.1:1/test");
        try {
            assertThatThrownBy(() -> down.query("select 1"))
                    .isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageStartingWith("Connection '" + down.name() + "' (SQLConnection) could not connect to postgresql "
                            + "at jdbc:postgresql://127.0.0.1:1/test as user 'postgres': ")
                    .hasMessageContaining("Connection to 127.0.0.1:1 refused")
                    .hasMessageEndingWith("; the next use tries again.")
                    .satisfies(e -> assertThat(SqlSecretsLeakTest.everything(e)).doesNotContain("Pw-Unreachable-1"));
        } finally {
            down.close();
        }
    }

    static int terminateBackends(SQLConnection c) throws SQLException {
        try (Connection admin = admin();
             PreparedStatement ps = admin.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, "cdi-connections-" + c.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int sessions(SQLConnection c) throws SQLException {
        try (Connection admin = admin();
             PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, "cdi-connections-" + c.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** @return the pool's session count once it is at most {@code max}, or after 2 s the last count seen */
    static int sessionsSettled(SQLConnection c, int max) throws SQLException, InterruptedException {
        int sessions = sessions(c);
        for (int i = 0; i < 40 && sessions > max; i++) {
            Thread.sleep(50);
            sessions = sessions(c);
        }
        return sessions;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SqlTestSupport.PG_URL, "postgres", "");
    }
}
