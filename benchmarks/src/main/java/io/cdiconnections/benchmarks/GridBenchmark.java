package io.cdiconnections.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.cache.Cache;
import javax.cache.Caching;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.cdiconnections.Connections;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/**
 * Issue 20's numbers: the 100-row, 5-column query of {@link QueryBenchmark} on PostgreSQL,
 * uncached, from the in-process cache (Caffeine) and from a 2-member Hazelcast grid on loopback
 * ({@code cache = "jcache"}). The grid hit cycles over 8 keys so that about half are owned by the
 * other member (a network hop) and half by this one; each hit decodes the table from its bytes.
 * The bytes of one cached result are printed at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GridBenchmark {

    static final String CONFIG = "cdi-bench-hazelcast.xml";
    static final int KEYS = 8;

    SQLConnection local;
    SQLConnection grid;
    HazelcastInstance other;
    String table;
    String[] queries = new String[KEYS];
    int next;
    final Duration ttl = Duration.ofMinutes(10);

    /** Seeds the table, starts the second member, fills both caches. */
    @Setup
    public void setup() {
        int port = 30_000 + ThreadLocalRandom.current().nextInt(1_000) * 4;
        System.setProperty("cdi.grid.cluster", "cdi-bench-" + ProcessHandle.current().pid());
        System.setProperty("cdi.grid.port", Integer.toString(port));
        System.setProperty("hazelcast.phone.home.enabled", "false");
        other = Hazelcast.newHazelcastInstance(new ClasspathXmlConfig(GridBenchmark.class.getClassLoader(), CONFIG,
                System.getProperties()).setInstanceName("cdi-bench-other"));
        local = Databases.connect("postgresql", "bench_local");
        table = Databases.tableName();
        Databases.seed(local, table);
        grid = Connections.builder("bench_grid").type("sql").option("pool.maximumPoolSize", "4")
                .option("url", Databases.POSTGRES_URL).option("username", Databases.POSTGRES_USER)
                .option("cache", "jcache").option("cache_provider", "com.hazelcast.cache.HazelcastMemberCachingProvider")
                .option("cache_uri", "classpath:" + CONFIG).get(SQLConnection.class);
        for (int i = 0; i < KEYS; i++) {
            queries[i] = Databases.query(table) + " /* key " + i + " */";
            grid.query(queries[i], QueryOptions.defaults().ttl(ttl));
        }
        if (other.getCluster().getMembers().size() != 2) {
            throw new IllegalStateException("the grid has " + other.getCluster().getMembers().size() + " members, not 2");
        }
    }

    /** Prints the bytes of a cached result, drops the table, stops the grid. */
    @TearDown
    public void tearDown() {
        try {
            Cache<String, byte[]> cache = Caching.getCachingProvider("com.hazelcast.cache.HazelcastMemberCachingProvider")
                    .getCacheManager(URI.create("classpath:" + CONFIG), GridBenchmark.class.getClassLoader())
                    .getCache("cdi-connections.bench_grid", String.class, byte[].class);
            long bytes = 0;
            int n = 0;
            for (Cache.Entry<String, byte[]> e : cache) {
                bytes += e.getValue().length;
                n++;
            }
            System.out.printf("%nGridBenchmark: %d entries, %d bytes per cached %d-row result (expiry and format included)%n",
                    n, n == 0 ? 0 : bytes / n, Databases.ROWS);
        } finally {
            grid.close();
            Databases.dropAndClose(local, table);
            Hazelcast.shutdownAll();
        }
    }

    /** @return the rows, from PostgreSQL, no cache */
    @Benchmark
    public Table uncached() {
        return local.query(queries[0]);
    }

    /** @return the rows, from the in-process cache */
    @Benchmark
    public Table caffeineHit() {
        return local.query(queries[0], QueryOptions.defaults().ttl(ttl));
    }

    /** @return the rows, from the grid */
    @Benchmark
    public Table gridHit() {
        next = (next + 1) % KEYS;
        return grid.query(queries[next], QueryOptions.defaults().ttl(ttl));
    }
}
