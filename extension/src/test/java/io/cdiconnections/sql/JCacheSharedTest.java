package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.postgres;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.cache.Cache;
import javax.cache.Caching;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.hazelcast.core.Hazelcast;

import io.cdiconnections.ConnectionConfigException;

/**
 * {@code cache = "jcache"} in one JVM, on a real Hazelcast member: handles of the same
 * configuration share one execution, another configuration never reads their entries, the ttl
 * holds, and a grid that is down or fails mid-run sends queries to the database instead of failing
 * them. Executions are counted by PostgreSQL: the query is {@code nextval} of a sequence of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JCacheSharedTest {

    private static final String SEQ = "cdi_grid_seq_" + ProcessHandle.current().pid();
    private static final String NEXT = "select nextval('" + SEQ + "') as n";
    private static final String PASSWORD = "grid-secret-0x5eed";
    private static SQLConnection admin;

    @BeforeAll
    static void sequence() {
        admin = postgres(uniqueName("grid_admin"));
        admin.update("create sequence " + SEQ);
        admin.query("select nextval('" + SEQ + "')"); // last_value counts executions from here on
    }

    @AfterAll
    static void drop() {
        try {
            admin.update("drop sequence if exists " + SEQ);
        } finally {
            admin.close();
            Hazelcast.shutdownAll();
        }
    }

    private static long executions() {
        return ((Number) admin.query("select last_value from " + SEQ).get(0, "last_value")).longValue();
    }

    private static long next(SQLConnection sql, Duration ttl) {
        return ((Number) sql.query(NEXT, QueryOptions.defaults().ttl(ttl)).get(0, "n")).longValue();
    }

    /** A handle as one instance of an application has it: same name, same keys. */
    private static SQLConnection instance(String name, String... extra) {
        List<String> o = new ArrayList<>(List.of(GridSupport.jcache("password", PASSWORD)));
        o.addAll(List.of(extra));
        return postgres(name, o.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void twoHandlesOfOneConfigurationRunTheQueryOnceAndAnotherConfigurationNeverReadsIt() {
        String name = uniqueName("grid");
        SQLConnection a = instance(name);
        SQLConnection b = instance(name);
        SQLConnection changed = instance(name, "query_ttl", "3600"); // any key changed is another configuration
        try {
            long before = executions();
            long first = next(a, Duration.ofSeconds(30));
            assertThat(next(b, Duration.ofSeconds(30))).as("b reads a's result from the grid").isEqualTo(first);
            assertThat(a.caches().local().size()).as("nothing kept in this JVM's cache").isZero();
            assertThat(executions() - before).isEqualTo(1);
            assertThat(next(changed, Duration.ofSeconds(30))).isNotEqualTo(first);
            assertThat(executions() - before).isEqualTo(2);
            assertThat(next(a, Duration.ofSeconds(30))).isEqualTo(first);
        } finally {
            a.close();
            b.close();
            changed.close();
        }
    }

    @Test
    @Order(2)
    void anEntryExpiresAfterItsTtlAndNoEntryHoldsThePassword() throws InterruptedException {
        String name = uniqueName("grid");
        SQLConnection a = instance(name);
        try {
            long first = next(a, Duration.ofMillis(700));
            assertThat(next(a, Duration.ofMillis(700))).isEqualTo(first);
            Thread.sleep(900);
            assertThat(next(a, Duration.ofMillis(700))).as("run again after the ttl").isEqualTo(first + 1);

            Cache<String, byte[]> cache = gridCache(name);
            List<String> seen = new ArrayList<>();
            cache.forEach(e -> seen.add(e.getKey() + new String(e.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1)));
            assertThat(seen).isNotEmpty().noneMatch(s -> s.contains(PASSWORD));
        } finally {
            a.close();
        }
    }

    @Test
    @Order(3)
    void parametersOfAnotherTypeOrValueAreAnotherEntry() {
        String name = uniqueName("grid");
        SQLConnection a = instance(name);
        try {
            String sql = "select nextval('" + SEQ + "') + :k * 0 as n";
            long one = ((Number) a.query(sql, QueryOptions.defaults().param("k", 1).ttl(Duration.ofSeconds(30))).get(0, "n")).longValue();
            long oneAgain = ((Number) a.query(sql, QueryOptions.defaults().param("k", 1).ttl(Duration.ofSeconds(30))).get(0, "n")).longValue();
            long oneLong = ((Number) a.query(sql, QueryOptions.defaults().param("k", 1L).ttl(Duration.ofSeconds(30))).get(0, "n")).longValue();
            long two = ((Number) a.query(sql, QueryOptions.defaults().param("k", 2).ttl(Duration.ofSeconds(30))).get(0, "n")).longValue();
            assertThat(oneAgain).isEqualTo(one);
            assertThat(List.of(oneLong, two)).doesNotHaveDuplicates().doesNotContain(one);
        } finally {
            a.close();
        }
    }

    @Test
    @Order(4)
    void aHostileEntryIsNeverDeserializedButRunAgainAndReplaced() {
        String name = uniqueName("grid");
        SQLConnection a = instance(name);
        try {
            long first = next(a, Duration.ofSeconds(30));
            String key = a.caches().shared().key(new QueryCache.Key(new Object(), NEXT, Map.of(), 0));
            Cache<String, byte[]> cache = gridCache(name);
            assertThat(cache.get(key)).as("the entry of the query, under the key computed again").isNotNull();
            // what Java serialization writes (0xACED), behind an expiry far in the future
            byte[] hostile = java.nio.ByteBuffer.allocate(64).putLong(Long.MAX_VALUE).putInt(0xACED0005).putInt(0x73720000)
                    .array();
            cache.put(key, hostile);
            long again = next(a, Duration.ofSeconds(30));
            assertThat(again).as("run on the database").isEqualTo(first + 1);
            assertThat(cache.get(key)).as("replaced by a readable entry").isNotEqualTo(hostile);
            assertThat(next(a, Duration.ofSeconds(30))).isEqualTo(again);
        } finally {
            a.close();
        }
    }

    private Cache<String, byte[]> gridCache(String name) {
        return Caching.getCachingProvider(GridSupport.PROVIDER)
                .getCacheManager(java.net.URI.create(GridSupport.CONFIG), getClass().getClassLoader())
                .getCache("cdi-connections." + name, String.class, byte[].class);
    }

    @Test
    @Order(5)
    void anUnknownCacheIsAConfigurationErrorNamingTheKey() {
        SQLConnection bad = postgres(uniqueName("grid"), "cache", "redis");
        try {
            assertThatThrownBy(() -> bad.query("select 1")).isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("cache = \"redis\"").hasMessageContaining("[connections." + bad.name() + "]")
                    .hasMessageContaining("\"local\"").hasMessageContaining("\"jcache\"");
        } finally {
            bad.close();
        }
    }

    @Test
    @Order(6)
    void aProviderThatThrowsSendsQueriesToTheDatabaseAndIsCounted() {
        SQLConnection down = postgres(uniqueName("grid"), "cache", "jcache", "cache_provider",
                ThrowingCachingProvider.class.getName());
        try {
            long before = executions();
            int asked = ThrowingCachingProvider.ASKED.get();
            long first = next(down, Duration.ofSeconds(30));
            long second = next(down, Duration.ofSeconds(30));
            assertThat(second).isEqualTo(first + 1);
            assertThat(executions() - before).isEqualTo(2);
            SharedResultCache shared = down.caches().shared();
            assertThat(shared.failures()).isEqualTo(1);
            assertThat(ThrowingCachingProvider.ASKED.get() - asked).as("not asked again before %s", SharedResultCache.RETRY)
                    .isEqualTo(1);
        } finally {
            down.close();
        }
    }

    @Test
    @Order(7)
    void aGridShutDownMidRunSendsQueriesToTheDatabase() {
        String name = uniqueName("grid");
        SQLConnection a = instance(name);
        try {
            long first = next(a, Duration.ofSeconds(30));
            assertThat(next(a, Duration.ofSeconds(30))).isEqualTo(first);
            Hazelcast.shutdownAll();
            assertThat(next(a, Duration.ofSeconds(30))).isEqualTo(first + 1);
            assertThat(next(a, Duration.ofSeconds(30))).isEqualTo(first + 2);
            assertThat(a.caches().shared().failures()).isGreaterThanOrEqualTo(1);
        } finally {
            a.close();
        }
    }
}
