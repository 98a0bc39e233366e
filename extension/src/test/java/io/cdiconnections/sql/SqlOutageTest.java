package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.test.MariaDbAccount;
import io.cdiconnections.test.TcpRelay;

/**
 * A database outage under a steady load of 8 threads, through a relay that cuts every connection
 * and refuses new ones for 5 seconds, with the default timeouts and retries: every call fails
 * with a {@link ConnectionUnavailableException}, no call that starts after the database is back
 * fails (without a restart or a manual reset), and no session is left behind. The same against
 * PostgreSQL and MariaDB. The times (first failure, slowest failure, recovery) are printed, not
 * asserted: tests bound work, and timing belongs to the benchmarks.
 */
class SqlOutageTest {

    private static final int THREADS = 8;
    private static final int POOL = 4;
    private static final long OUTAGE_MILLIS = 5_000;

    @Test
    void postgresqlReadsFailClearlyDuringAnOutageAndRecoverWithoutAResetOrALeak() throws Exception {
        try (TcpRelay relay = new TcpRelay(5432)) {
            String name = SqlTestSupport.uniqueName("outage");
            SQLConnection sql = new SQLConnection(ConnectionContext.of(name, SqlTestSupport.options(
                    "url", "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test", "username", "postgres",
                    "pool.maximumPoolSize", Integer.toString(POOL))));
            try {
                outage("PostgreSQL", sql, relay);
                assertThat(SqlPostgresTest.sessionsSettled(sql, POOL)).as("pg_stat_activity of the pool")
                        .isLessThanOrEqualTo(POOL);
            } finally {
                sql.close();
            }
        }
    }

    @Test
    void mariadbReadsFailClearlyDuringAnOutageAndRecoverWithoutAResetOrALeak() throws Exception {
        String user = "cdi_outage_" + ProcessHandle.current().pid();
        try (TcpRelay relay = new TcpRelay(3306); MariaDbAccount account = new MariaDbAccount(user, "outage-pw")) {
            SQLConnection sql = new SQLConnection(ConnectionContext.of(SqlTestSupport.uniqueName("mdboutage"),
                    SqlTestSupport.options("url", "jdbc:mariadb://127.0.0.1:" + relay.port() + "/test",
                            "username", user, "password", "outage-pw", "pool.maximumPoolSize", Integer.toString(POOL))));
            try {
                outage("MariaDB", sql, relay);
                assertThat(account.sessionsSettled(POOL)).as("processlist of the pool's user")
                        .isLessThanOrEqualTo(POOL);
            } finally {
                sql.close();
            }
        }
    }

    /** Runs the steady load through a 5-second cut, asserting the failures and the recovery. */
    private static void outage(String database, SQLConnection sql, TcpRelay relay) throws Exception {
        SteadyLoad load = new SteadyLoad(sql);
        try {
            Thread.sleep(1_000);
            assertThat(load.successes.get()).as("reads before the outage").isPositive();
            relay.cut();
            long cut = System.nanoTime();
            Thread.sleep(OUTAGE_MILLIS);
            assertThat(load.lastSuccess.get()).as("no read succeeded in the outage's last 4 s")
                    .isLessThan(System.nanoTime() - 4_000_000_000L);
            relay.restore();
            long restored = System.nanoTime();
            load.restoredAt.set(restored);
            while (load.lastSuccess.get() < restored && System.nanoTime() - restored < 20_000_000_000L) {
                Thread.sleep(10);
            }
            long recoveryMillis = (load.lastSuccess.get() - restored) / 1_000_000;
            Thread.sleep(500);
            load.stop();

            long firstFailureMillis = (load.firstFailure.get() - cut) / 1_000_000;
            System.out.printf("outage %s: %d threads, %d ms cut; first failure %d ms after the cut, %d failures, "
                    + "slowest failing call %d ms, first success %d ms after restore%n", database, THREADS,
                    OUTAGE_MILLIS, firstFailureMillis, load.failures.get(), load.slowestFailure.get(), recoveryMillis);
            assertThat(load.wrongErrors).as("every failure is a ConnectionUnavailableException").isEmpty();
            assertThat(load.failures.get()).as("failed calls during the outage").isPositive();
            // work, not time: once the database is back, no call that starts fails (each one
            // recovers on its own: a retry on a fresh connection, no reset by hand); the times
            // above are printed, not asserted
            assertThat(load.failuresStartedAfterRestore.get()).as("calls started after the restore that failed")
                    .isZero();
            assertThat(load.successesAfter(restored)).as("reads after the recovery").isPositive();
        } finally {
            load.stop();
        }
    }

    /** {@code THREADS} threads calling {@code query()} back to back, recording what happens. */
    private static final class SteadyLoad {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong lastSuccess = new AtomicLong();
        final AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong slowestFailure = new AtomicLong();
        final AtomicInteger successes = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong restoredAt = new AtomicLong(Long.MAX_VALUE);
        final AtomicInteger failuresStartedAfterRestore = new AtomicInteger();
        final Queue<Long> successTimes = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> wrongErrors = new ConcurrentLinkedQueue<>();
        final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

        SteadyLoad(SQLConnection sql) {
            for (int t = 0; t < THREADS; t++) {
                threads.submit(() -> {
                    while (running.get()) {
                        call(sql);
                    }
                });
            }
        }

        private void call(SQLConnection sql) {
            long start = System.nanoTime();
            try {
                sql.query("select 1");
                long now = System.nanoTime();
                lastSuccess.accumulateAndGet(now, Math::max);
                successes.incrementAndGet();
                if (successTimes.size() < 100_000) {
                    successTimes.add(now);
                }
            } catch (ConnectionUnavailableException e) {
                long now = System.nanoTime();
                failures.incrementAndGet();
                if (start > restoredAt.get()) {
                    failuresStartedAfterRestore.incrementAndGet();
                }
                firstFailure.accumulateAndGet(now, Math::min);
                slowestFailure.accumulateAndGet((now - start) / 1_000_000, Math::max);
            } catch (Throwable e) {
                wrongErrors.add(e);
            }
        }

        long successesAfter(long nanos) {
            return successTimes.stream().filter(t -> t > nanos).count();
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("load threads stopped").isTrue();
        }
    }
}
