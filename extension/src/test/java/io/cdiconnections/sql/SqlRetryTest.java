package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionUnavailableException;

/**
 * {@code query()} runs a statement twice only when it is known to be a read: on PostgreSQL an
 * {@code INSERT ... RETURNING} has to go through {@code query()}, and the review saw one call make
 * two rows when its connection dropped. Each statement here takes a number from a sequence, which
 * no rollback returns, so the sequence counts how often the statement ran; the connection is cut
 * (its backend terminated) while the statement sleeps.
 */
class SqlRetryTest {

    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private SQLConnection sql;
    private String table;

    @BeforeEach
    void setUp() throws SQLException {
        sql = SqlTestSupport.postgres(SqlTestSupport.uniqueName("retry"));
        table = "cdi_retry_" + sql.name();
        admin("create table " + table + " (v bigint)", "create sequence " + table + "_runs");
    }

    @AfterEach
    void tearDown() throws SQLException {
        caller.shutdownNow();
        sql.close();
        admin("drop table if exists " + table, "drop sequence if exists " + table + "_runs");
    }

    @Test
    void aWriteThroughQueryThatLostItsConnectionRunsOnceAndFailsClearly() throws Exception {
        String insertReturning = "with ins as (insert into " + table + " values (nextval('" + table + "_runs')) "
                + "returning v) select v, pg_sleep(3) from ins";

        Object outcome = cutWhileRunning(() -> sql.query(insertReturning));

        assertThat(outcome).isInstanceOf(ConnectionUnavailableException.class);
        assertThat(((Throwable) outcome).getMessage()).contains("It is not retried", "QueryOptions.retry(true)");
        assertThat(runs()).as("times the write ran").isEqualTo(1);
    }

    @Test
    void aReadThatLostItsConnectionIsRunAgainAndAnswers() throws Exception {
        String read = "select nextval('" + table + "_runs') as n, pg_sleep(3)";

        Object outcome = cutWhileRunning(() -> sql.query(read));

        assertThat(outcome).isInstanceOf(Table.class);
        assertThat(runs()).as("times the read ran").isEqualTo(2);
    }

    record Run(long n) {
    }

    @Test
    void aTypedReadThatLostItsConnectionIsRunAgainAndAnswers() throws Exception {
        String read = "select nextval('" + table + "_runs') as n, pg_sleep(3)";

        Object outcome = cutWhileRunning(() -> sql.query(read, QueryOptions.defaults(), Run.class));

        assertThat(outcome).isEqualTo(java.util.List.of(new Run(2)));
        assertThat(runs()).as("times the read ran").isEqualTo(2);
    }

    @Test
    void retryFalseKeepsAReadWithASideEffectToOneRun() throws Exception {
        String read = "select nextval('" + table + "_runs') as n, pg_sleep(3)";

        Object outcome = cutWhileRunning(() -> sql.query(read, QueryOptions.defaults().retry(false)));

        assertThat(outcome).isInstanceOf(ConnectionUnavailableException.class);
        assertThat(runs()).as("times the statement ran").isEqualTo(1);
    }

    /** Runs the call, terminates its backend once the statement runs, and returns its result or error. */
    private Object cutWhileRunning(java.util.concurrent.Callable<Object> call) throws Exception {
        Future<Object> result = caller.submit(call);
        for (int polls = 0; runs() == 0; polls++) {
            assertThat(polls).as("polls until the statement ran").isLessThan(600);
            Thread.sleep(25);
        }
        assertThat(SqlPostgresTest.terminateBackends(sql)).as("backends terminated").isPositive();
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** @return how many numbers the sequence gave: the runs of the statement */
    private long runs() throws SQLException {
        try (Connection c = DriverManager.getConnection(SqlTestSupport.PG_URL, "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select case when is_called then last_value else 0 end from "
                     + table + "_runs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(SqlTestSupport.PG_URL, "postgres", "");
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
