package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cdiconnections.Connections;

/**
 * 64 threads × 5,000 {@code query()} calls against the local PostgreSQL through a pool of 10:
 * no error, no deadlock (every thread finishes within a deadline), throughput and latency printed.
 * Then the same while the pool's ttl is 1 second and another thread resets it every 100 ms: still
 * no error, and no session outlives its pool.
 */
class SqlLoadTest {

    private static final int THREADS = 64;
    private static final int CALLS = 5_000;
    private static final int POOL = 10;
    /** Far above the measured time (docs/sql.md): reaching it means a deadlock or a starved thread. */
    private static final long DEADLINE_SECONDS = 180;

    @Test
    void sixtyFourThreadsShareAPoolOfTenWithoutAnErrorOrADeadlock() throws Exception {
        String name = SqlTestSupport.uniqueName("load");
        SQLConnection sql = Connections.builder(name).type("sql").option("url", SqlTestSupport.PG_URL)
                .option("username", "postgres").option("pool.maximumPoolSize", Integer.toString(POOL))
                .get(SQLConnection.class);
        try {
            Result r = run(sql, "pool of 10", null);
            assertThat(r.errors()).isZero();
            assertThat(SqlPostgresTest.sessions(sql)).as("sessions of the pool").isLessThanOrEqualTo(POOL);
        } finally {
            sql.reset();
        }
        assertThat(SqlPostgresTest.sessionsSettled(sql, 0)).as("sessions after the pool is retired").isZero();
    }

    @Test
    void aOneSecondTtlAndAResetEveryHundredMillisecondsCostNoErrorAndLeakNoSession() throws Exception {
        String name = SqlTestSupport.uniqueName("loadttl");
        SQLConnection sql = Connections.builder(name).type("sql").ttl(Duration.ofSeconds(1))
                .option("url", SqlTestSupport.PG_URL).option("username", "postgres")
                .option("pool.maximumPoolSize", Integer.toString(POOL)).get(SQLConnection.class);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger resets = new AtomicInteger();
        Thread resetter = new Thread(() -> {
            while (running.get()) {
                sql.reset();
                resets.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-resetter");
        try {
            Result r = run(sql, "ttl 1 s, reset every 100 ms", resetter);
            running.set(false);
            resetter.join(5_000);
            System.out.printf("load: %d resets%n", resets.get());
            assertThat(r.errors()).isZero();
            assertThat(resets.get()).as("resets during the run").isGreaterThan(10);
        } finally {
            running.set(false);
            resetter.interrupt();
            sql.reset();
        }
        assertThat(SqlPostgresTest.sessionsSettled(sql, 0)).as("sessions left by about %d retired pools", resets.get())
                .isZero();
    }

    private record Result(long errors) {
    }

    /** Runs the load; {@code companion}, if any, is started with it. */
    private static Result run(SQLConnection sql, String what, Thread companion) throws Exception {
        sql.query("select 1"); // the pool exists before the clock starts
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> workers = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        List<Throwable> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        if (companion != null) {
            companion.start();
        }
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(threads.submit(() -> {
                long[] latencies = new long[CALLS];
                for (int i = 0; i < CALLS; i++) {
                    long begin = System.nanoTime();
                    try {
                        Table table = sql.query("select :t::int as t", java.util.Map.of("t", thread));
                        if ((Integer) table.row(0).values().get(0) != thread) {
                            throw new AssertionError("another thread's row");
                        }
                    } catch (Throwable e) {
                        if (errors.incrementAndGet() <= 3) {
                            firstErrors.add(e);
                        }
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
                return latencies;
            }));
        }
        long[] all = new long[THREADS * CALLS];
        try {
            int at = 0;
            for (Future<long[]> w : workers) {
                long left = DEADLINE_SECONDS * 1_000_000_000L - (System.nanoTime() - start);
                long[] l = w.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                System.arraycopy(l, 0, all, at, l.length);
                at += l.length;
            }
        } catch (TimeoutException e) {
            throw new AssertionError("not finished within " + DEADLINE_SECONDS + " s: a deadlock or a starved thread", e);
        } finally {
            threads.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(all);
        System.out.printf("load (%s): %d threads x %d query() = %d calls in %.1f s, %.0f calls/s, "
                + "p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%n", what, THREADS, CALLS, all.length,
                elapsed / 1e9, all.length / (elapsed / 1e9), all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6, errors.get());
        firstErrors.forEach(Throwable::printStackTrace);
        return new Result(errors.get());
    }
}
