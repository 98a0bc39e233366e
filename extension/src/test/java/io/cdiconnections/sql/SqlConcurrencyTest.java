package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Queries under load while another thread keeps resetting the pool: no errors, no sessions left behind. */
class SqlConcurrencyTest {

    @Test
    void queriesSucceedWhileThePoolIsResetUnderThemAndNoSessionLeaks() throws Exception {
        SQLConnection sql = SqlTestSupport.postgres(SqlTestSupport.uniqueName("pgload"));
        ExecutorService pool = Executors.newFixedThreadPool(17);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger resets = new AtomicInteger();
        try {
            Future<?> resetter = pool.submit(() -> {
                while (running.get()) {
                    sql.reset();
                    resets.incrementAndGet();
                    Thread.sleep(50);
                }
                return null;
            });
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 150; i++) {
                        QueryOptions o = QueryOptions.defaults().param("n", i % 7)
                                .ttl(thread % 2 == 0 ? Duration.ofMillis(30) : Duration.ZERO);
                        if (sql.query("select :n::int as n", o).as(Integer.class).get(0) == i % 7) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> w : workers) {
                ok += w.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            resetter.get(10, TimeUnit.SECONDS);

            assertThat(ok).isEqualTo(16 * 150);
            assertThat(resets.get()).isPositive();
            sql.query("select 1");
            assertThat(SqlPostgresTest.sessionsSettled(sql, 2)).as("sessions of the pool's application name")
                    .isLessThanOrEqualTo(2);
        } finally {
            running.set(false);
            pool.shutdownNow();
            sql.close();
        }
    }
}
