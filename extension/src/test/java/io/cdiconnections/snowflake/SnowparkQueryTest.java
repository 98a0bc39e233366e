package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.sql.QueryOptions;

/**
 * The deprecated Snowpark type's query() and withSession(), over a stand-in session whose
 * {@code jdbcConnection()} is H2 (Snowpark's own Session is reached the same way, by reflection).
 */
@SuppressWarnings("deprecation")
class SnowparkQueryTest {

    @TempDir
    Path home;

    /** Stands in for com.snowflake.snowpark_java.Session: the two methods we call on it. */
    public static final class FakeSession {
        private final Connection jdbc;
        private volatile boolean closed;

        FakeSession(Connection jdbc) {
            this.jdbc = jdbc;
        }

        public Connection jdbcConnection() {
            return jdbc;
        }

        public void close() throws SQLException {
            closed = true;
            jdbc.close();
        }
    }

    @Test
    void queriesGoThroughTheSessionsJdbcConnectionWithTheCache() throws Exception {
        AtomicInteger created = new AtomicInteger();
        SnowparkConnection sp = snowpark(created);
        assertThat(sp.query("select 6 * 7 as answer").get(0, "answer")).isEqualTo(42);
        QueryOptions ttl = QueryOptions.defaults().ttl(Duration.ofMinutes(1));
        sp.query("select 1 as x", ttl);
        sp.query("select 1 as x", ttl);
        assertThat(created).hasValue(1);
        FakeSession first = sp.session();
        sp.reset();
        assertThat(first.closed).isTrue();
        sp.query("select 1 as x", ttl);
        assertThat(created).hasValue(2);
        sp.close();
    }

    @Test
    void withSessionHoldsTheLockThatQueriesWaitFor() throws Exception {
        SnowparkConnection sp = snowpark(new AtomicInteger());
        sp.query("select 1 as x");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> holder = pool.submit(() -> sp.withSession(FakeSession.class, s -> {
                inside.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Object> waiting = pool.submit(() -> sp.query("select 2 as y").get(0, "y"));
            Thread.sleep(200);
            assertThat(waiting.isDone()).as("the query waits for the session's lock").isFalse();
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
            sp.close();
        }
    }

    private SnowparkConnection snowpark(AtomicInteger created) {
        String db = "jdbc:h2:mem:sp" + System.nanoTime();
        return new SnowparkConnection(SnowflakeTestSupport.context("snowpark", SnowflakeTestSupport.config(Map.of()),
                Map.of("account", "acct", "user", "u")), SnowflakeTestSupport.env(home, Map.of()),
                (name, configs) -> {
                    created.incrementAndGet();
                    return new FakeSession(DriverManager.getConnection(db));
                });
    }
}
