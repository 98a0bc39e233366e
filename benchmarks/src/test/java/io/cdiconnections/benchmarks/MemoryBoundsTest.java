package io.cdiconnections.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.Registries;
import io.cdiconnections.sql.SQLConnection;

/**
 * The memory goals of docs/performance.md, as bounds on bytes and counts (never on time): an
 * idle handle costs at most 2 KB, and 10,000 connection names through a cache of
 * {@code maxEntries = 100} never hold more than 100 pools and leave the heap where it was.
 */
class MemoryBoundsTest {

    static final int HANDLES = 10_000;
    static final int NAMES = Integer.getInteger("bench.names", 10_000);
    static final int MAX_ENTRIES = 100;

    @Test
    void anIdleHandleCostsAtMostTwoKilobytes() {
        Connections.get("warm_idle", SQLConnection.class); // class loading and the type's first probe
        long before = usedHeapAfterGc();
        BaseConnection<?>[] handles = new BaseConnection<?>[HANDLES];
        for (int i = 0; i < HANDLES; i++) {
            handles[i] = Connections.get("idle_" + i, SQLConnection.class);
        }
        long after = usedHeapAfterGc();
        long perHandle = (after - before) / HANDLES;
        System.out.printf("idle handle: %d bytes (registry entries included)%n", perHandle);
        assertThat(handles[HANDLES - 1].isConnected()).isFalse();
        assertThat(perHandle).isLessThanOrEqualTo(2048);
    }

    @Test
    void tenThousandNamesNeverHoldMoreThanAHundredPoolsAndGiveTheirMemoryBack() {
        ConnectionRegistry registry = Registries.current();
        for (int i = 0; i < 2 * MAX_ENTRIES; i++) { // the first pools load classes and fill caches
            open("warm_pool_" + i);
        }
        long before = usedHeapAfterGc();
        Deque<HikariDataSource> recent = new ArrayDeque<>();
        int mostLive = 0;
        for (int i = 0; i < NAMES; i++) {
            SQLConnection sql = open("pool_" + i);
            recent.addLast(sql.raw());
            if (recent.size() > 2 * MAX_ENTRIES) {
                recent.removeFirst();
            }
            int live = registry.liveCount();
            mostLive = Math.max(mostLive, live);
            assertThat(live).as("live pools after %d names", i + 1).isLessThanOrEqualTo(MAX_ENTRIES);
            if (i % 1000 == 999) {
                assertThat(recent.stream().filter(p -> !p.isClosed()).count())
                        .as("open Hikari pools among the last %d", recent.size()).isLessThanOrEqualTo(MAX_ENTRIES);
            }
        }
        recent.clear();
        registry.handleCount(); // the registry drops the entries of collected handles on its next call
        long after = usedHeapAfterGc();
        System.out.printf("%d names: at most %d live pools; heap %d KB before, %d KB after (%+.1f%%)%n", NAMES,
                mostLive, before / 1024, after / 1024, 100.0 * (after - before) / before);
        assertThat(mostLive).isEqualTo(MAX_ENTRIES);
        assertThat((double) after).isLessThanOrEqualTo(before * 1.10);
    }

    private static SQLConnection open(String name) {
        SQLConnection sql = Connections.builder(name).type("sql").maxEntries(MAX_ENTRIES)
                .option("url", "jdbc:h2:mem:").option("pool.maximumPoolSize", "1")
                .get(SQLConnection.class);
        assertThat(sql.query("select 1 as one").size()).isEqualTo(1);
        return sql;
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long now = rt.totalMemory() - rt.freeMemory();
            if (now >= used - 64 * 1024 && round >= 3) {
                return Math.min(now, used);
            }
            used = Math.min(used, now);
        }
        return used;
    }
}
