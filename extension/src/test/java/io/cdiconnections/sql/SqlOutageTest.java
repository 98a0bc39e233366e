package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionUnavailableException;

/**
 * A database outage under load, through a relay that cuts every connection and refuses new ones:
 * calls fail clearly within bounded time, work again soon after the database is back without a
 * restart or a manual reset, and leave no sessions behind.
 */
class SqlOutageTest {

    @Test
    void readsFailClearlyDuringAnOutageAndRecoverWithoutAResetOrALeak() throws Exception {
        try (TcpRelay relay = new TcpRelay(5432)) {
            SQLConnection sql = SqlTestSupport.postgres(SqlTestSupport.uniqueName("outage"),
                    "url", "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test", "retry_wait", "0.2");
            ExecutorService threads = Executors.newFixedThreadPool(4);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong lastSuccess = new AtomicLong();
            AtomicLong slowestFailureMillis = new AtomicLong();
            Queue<Throwable> wrongErrors = new ConcurrentLinkedQueue<>();
            try {
                for (int t = 0; t < 4; t++) {
                    threads.submit(() -> {
                        while (running.get()) {
                            long start = System.nanoTime();
                            try {
                                sql.query("select 1");
                                lastSuccess.set(System.nanoTime());
                            } catch (ConnectionUnavailableException e) {
                                slowestFailureMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                            } catch (Throwable e) {
                                wrongErrors.add(e);
                            }
                        }
                    });
                }
                Thread.sleep(1_000);
                relay.cut();
                Thread.sleep(3_000);
                long cutEnd = System.nanoTime();
                assertThat(lastSuccess.get()).as("no read succeeded during the outage's last second")
                        .isLessThan(cutEnd - 1_000_000_000L);
                relay.restore();
                long restored = System.nanoTime();
                while (lastSuccess.get() < restored && System.nanoTime() - restored < 15_000_000_000L) {
                    Thread.sleep(20);
                }
                long recoveryMillis = (lastSuccess.get() - restored) / 1_000_000;
                running.set(false);
                threads.shutdown();
                assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                System.out.printf("outage: recovery %d ms after restore, slowest failing call %d ms%n",
                        recoveryMillis, slowestFailureMillis.get());
                assertThat(wrongErrors).as("every failure is a ConnectionUnavailableException").isEmpty();
                assertThat(recoveryMillis).as("ms until a read succeeded after the database came back").isBetween(0L, 2_000L);
                assertThat(slowestFailureMillis.get()).as("slowest failing call, ms").isLessThan(12_000);
                sql.query("select 1");
                assertThat(SqlPostgresTest.sessionsSettled(sql, 2)).as("sessions of the pool's application name")
                        .isLessThanOrEqualTo(2);
            } finally {
                running.set(false);
                threads.shutdownNow();
                sql.close();
            }
        }
    }
}
