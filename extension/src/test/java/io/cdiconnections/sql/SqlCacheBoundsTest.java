package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionConfigException;

/**
 * The ttl result cache is bounded by estimated bytes, not only by its count of entries: the review
 * filled a 256 MiB heap with 123 distinct cached 1 MiB results, and the parameters that make a key
 * distinct often come from a request.
 */
class SqlCacheBoundsTest {

    private static final QueryOptions TEN_MINUTES = QueryOptions.defaults().ttl(Duration.ofMinutes(10));

    @Test
    void distinctLargeResultsStayWithinTheBound() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("cachebytes"), "query_cache_max_bytes", "1MiB");
        try {
            for (int i = 0; i < 40; i++) { // 40 results of about 100 KB each: 4 MB without a bound
                Table t = sql.query("select repeat('x', 50000) || :i as s", TEN_MINUTES.param("i", i));
                assertThat(t.row(0).get("s", String.class)).hasSize(50_000 + String.valueOf(i).length());
            }
            assertWithinOneMiB(sql, 10);
        } finally {
            sql.close();
        }
    }

    @Test
    void aResultLargerThanTheBoundIsNotCachedAndManySmallOnesStayUnderAThousand() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("cachebig"), "query_cache_max_bytes", "512KiB");
        try {
            sql.query("select repeat('x', 300000) as s", TEN_MINUTES);
            assertThat(sql.caches().local().size()).as("a 600 KB result under a 512 KiB bound").isZero();
            for (int i = 0; i < 1_200; i++) {
                sql.query("select :i as i", TEN_MINUTES.param("i", i));
            }
            assertThat(sql.caches().local().size()).isLessThanOrEqualTo(QueryCache.MAX_ENTRIES);
        } finally {
            sql.close();
        }
    }

    @Test
    void largeParametersCountAgainstTheBoundThoughTheirResultsAreEmpty() {
        // a key holds its parameters as long as its result: 40 searches for 100 KB strings were 4 MB uncounted
        SQLConnection sql = SqlTestSupport.h2(uniqueName("cacheparams"), "query_cache_max_bytes", "1MiB");
        try {
            for (int i = 0; i < 40; i++) {
                Table t = sql.query("select 1 as one where :s = 'never'", TEN_MINUTES.param("s", i + "y".repeat(50_000)));
                assertThat(t.size()).isZero();
            }
            assertWithinOneMiB(sql, 10);
        } finally {
            sql.close();
        }
    }

    @Test
    void driverObjectsSuchAsJsonbCountByTheirText() {
        // pgjdbc's PGobject was counted as 32 bytes: 4 MB jsonb results grew the heap past the bound
        SQLConnection sql = SqlTestSupport.postgres(uniqueName("cachejsonb"), "query_cache_max_bytes", "1MiB");
        try {
            for (int i = 0; i < 20; i++) {
                Table t = sql.query("select jsonb_build_object('i', cast(:i as int), 's', repeat('z', 100000)) as j",
                        TEN_MINUTES.param("i", i));
                assertThat(t.row(0).get("j").getClass().getName()).isEqualTo("org.postgresql.util.PGobject");
            }
            assertWithinOneMiB(sql, 5); // results of about 200 KB each
        } finally {
            sql.close();
        }
    }

    @Test
    void exactNumbersCountByTheirDigits() {
        assertThat(Values.estimatedBytes(new java.math.BigDecimal("1." + "9".repeat(10_000)))).isGreaterThan(4_000);
        assertThat(Values.estimatedBytes(java.math.BigInteger.TEN.pow(10_000))).isGreaterThan(4_000);
        assertThat(Values.estimatedBytes(java.math.BigDecimal.ONE)).isLessThan(100);
    }

    @Test
    void theDefaultBoundIs32MiB() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("cachedefault"));
        try {
            sql.query("select 1 as one", TEN_MINUTES);
            assertThat(SqlSettings.DEFAULT.cacheMaxBytes()).isEqualTo(32L << 20);
            assertThat(sql.caches().local().size()).isEqualTo(1);
        } finally {
            sql.close();
        }
    }

    @Test
    void aBoundThatIsNotASizeIsAClearError() {
        SQLConnection sql = SqlTestSupport.h2(uniqueName("cachebad"), "query_cache_max_bytes", "lots");
        try {
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("query_cache_max_bytes = \"lots\" is not a size")
                    .hasMessageContaining("\"32MiB\"");
        } finally {
            sql.close();
        }
    }

    /** The cache of a connection bounded at 1 MiB holds at most that, in at least one and at most {@code most} results. */
    private static void assertWithinOneMiB(SQLConnection sql, long most) {
        QueryCache cache = sql.caches().local();
        assertThat(cache.weight()).as("estimated bytes cached").isPositive().isLessThanOrEqualTo(1L << 20);
        assertThat(cache.size()).as("results cached").isBetween(1L, most);
    }
}
