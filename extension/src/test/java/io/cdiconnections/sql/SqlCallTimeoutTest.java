package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.test.TcpRelay;

/**
 * No call blocks forever by default: the review froze the path to the database after the pool was
 * up, and a query was still blocked after 45 s on PostgreSQL and MariaDB. Every wire driver now
 * gets a socket read timeout from {@code call_timeout} (default 5 minutes; {@code 0} for none).
 */
class SqlCallTimeoutTest {

    @Test
    void aQueryOnAFrozenPathFailsAfterTheCallTimeout() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (TcpRelay relay = new TcpRelay(5432)) {
            SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("frozen"), SqlTestSupport.options(
                    "url", "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test", "username", "postgres",
                    "call_timeout", "PT2S", "retry_attempts", "1")));
            try {
                assertThat(sql.query("select 1 as one").row(0).get("one", Integer.class)).isEqualTo(1);
                relay.freeze();
                Future<Object> call = caller.submit(() -> {
                    try {
                        return sql.query("select 2");
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                // a hang guard, not a speed limit: without a bound the call never ends
                Object outcome = call.get(120, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOf(ConnectionUnavailableException.class);
                assertThat(((Throwable) outcome).getMessage()).containsIgnoringCase("timed out");
            } finally {
                relay.thaw();
                sql.close();
            }
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void everyWireDriverGetsTheDefaultBoundAndZeroOptsOut() {
        SQLConnection pg = SqlTestSupport.postgres(uniqueName("pgbound"));
        SQLConnection mariadb = SqlTestSupport.mariadb(uniqueName("mdbbound"));
        SQLConnection unbounded = SqlTestSupport.postgres(uniqueName("pgunbounded"), "call_timeout", "0");
        SQLConnection own = SqlTestSupport.postgres(uniqueName("pgown"), "query.socketTimeout", "42");
        try {
            assertThat(pg.raw().getDataSourceProperties()).containsEntry("socketTimeout", "300");
            assertThat(mariadb.raw().getDataSourceProperties()).containsEntry("socketTimeout", "300000");
            assertThat(unbounded.raw().getDataSourceProperties()).doesNotContainKey("socketTimeout");
            assertThat(own.raw().getDataSourceProperties()).containsEntry("socketTimeout", "42");
        } finally {
            pg.close();
            mariadb.close();
            unbounded.close();
            own.close();
        }
    }
}
