package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionClosedException;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.config.SecretsChangeEvent;
import io.cdiconnections.test.CountingConnection;
import io.cdiconnections.test.SessionConnection;
import io.cdiconnections.test.TestConfigSource;

class ConnectionRegistryTest {

    private static final Logger REGISTRY_LOG = Logger.getLogger(ConnectionRegistry.class.getName());
    private static final String COUNTING = CountingConnection.class.getName();

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final ConnectionRegistry registry = new ConnectionRegistry(TestConfigSource.config(values),
            ConnectionRegistryTest.class.getClassLoader());

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private CountingConnection handle(String name, String ttl, int maxEntries, Map<String, String> options) {
        ConnectionRequest request = ConnectionRequest.of(name, COUNTING, null, ttl, maxEntries, options, "test");
        return (CountingConnection) registry.handle(registry.resolver().resolve(request, null));
    }

    private CountingConnection handle(String name) {
        return handle(name, "", Connection.UNBOUNDED, Map.of());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void sameArgumentsGiveTheSameHandle() {
        values.put("connections.db.type", COUNTING);
        CountingConnection a = handle("db", "PT10M", 4, Map.of("database", "x"));
        CountingConnection b = handle("db", "600", 4, Map.of("database", "x"));
        assertThat(b).isSameAs(a);
        assertThat(registry.get("db", CountingConnection.class)).isNotSameAs(a);
        assertThat(registry.get("db", CountingConnection.class)).isSameAs(registry.get("db", null));
        assertThat(handle("db")).isSameAs(registry.get("db", CountingConnection.class));
    }

    @Test
    void differentOptionsGiveDifferentHandles() {
        assertThat(handle("db", "", -1, Map.of("database", "a")))
                .isNotSameAs(handle("db", "", -1, Map.of("database", "b")));
    }

    @Test
    void differentTtlGivesAnotherHandleAndWarnsOnce() {
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        REGISTRY_LOG.addHandler(capture);
        try {
            CountingConnection forever = handle("db");
            CountingConnection tenMinutes = handle("db", "PT10M", -1, Map.of());
            handle("db", "PT10M", -1, Map.of());
            handle("db", "PT20M", 3, Map.of());
            assertThat(tenMinutes).isNotSameAs(forever);
            assertThat(warnings).containsExactly("Connection 'db' (CountingConnection) is asked for with the same "
                    + "name and options but with different ttl or maxEntries (ttl forever, maxEntries unbounded and "
                    + "ttl PT10M, maxEntries unbounded), so it has two handles and two pools. Give every @Connection "
                    + "and Connections call of 'db' the same ttl and maxEntries to share one.");
        } finally {
            REGISTRY_LOG.removeHandler(capture);
        }
    }

    @Test
    void sixtyFourThreadsOnAColdConnectionCreateOneRawInstance() throws Exception {
        CountingConnection db = handle("cold", "", -1, Map.of("connect_delay_ms", "50"));
        int before = CountingConnection.CONNECTS.get();
        CyclicBarrier start = new CyclicBarrier(64);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<CountingConnection.Raw>> raws = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                raws.add(pool.submit(() -> {
                    start.await();
                    return handle("cold", "", -1, Map.of("connect_delay_ms", "50")).raw();
                }));
            }
            Set<CountingConnection.Raw> distinct = ConcurrentHashMap.newKeySet();
            for (Future<CountingConnection.Raw> f : raws) {
                distinct.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1).containsExactly(db.raw());
            assertThat(CountingConnection.CONNECTS.get() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ttlExpiryClosesTheRawInstanceAfterItsLastUse() throws Exception {
        CountingConnection db = handle("expiring", "0.3", -1, Map.of());
        CountDownLatch inUse = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountingConnection.Raw[] seen = new CountingConnection.Raw[1];
        Thread worker = new Thread(() -> {
            try {
                db.use(raw -> {
                    seen[0] = raw;
                    inUse.countDown();
                    finish.await();
                    return raw.closed;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        inUse.await();
        await(() -> !db.isConnected());
        Thread.sleep(100);
        assertThat(seen[0].closed).as("closed while in use").isFalse();
        finish.countDown();
        worker.join();
        assertThat(seen[0].closed).isTrue();
        assertThat(db.raw()).isNotSameAs(seen[0]);
        assertThat(registry.liveCount()).isEqualTo(1);
    }

    @Test
    void maxEntriesClosesTheLeastRecentlyUsed() throws Exception {
        CountingConnection a = handle("a", "", 2, Map.of());
        CountingConnection b = handle("b", "", 2, Map.of());
        CountingConnection c = handle("c", "", 2, Map.of());
        CountingConnection.Raw rawA = a.raw();
        Thread.sleep(2);
        CountingConnection.Raw rawB = b.raw();
        Thread.sleep(2);
        a.raw();
        Thread.sleep(2);
        c.raw();
        assertThat(rawB.closed).isTrue();
        assertThat(rawA.closed).isFalse();
        assertThat(b.isConnected()).isFalse();
        assertThat(a.isConnected()).isTrue();
        assertThat(c.isConnected()).isTrue();
        assertThat(b.raw()).isNotSameAs(rawB);
        assertThat(rawA.closed).as("a was the least recently used now").isTrue();
    }

    @Test
    void defaultTtlAppliesToConnectionsWithoutOne() throws Exception {
        values.put(ConnectionRegistry.DEFAULT_TTL_KEY, "0.2");
        CountingConnection db = handle("d");
        assertThat(db.context().ttl()).contains(Duration.ofMillis(200));
        CountingConnection.Raw raw = db.raw();
        await(() -> raw.closed);
    }

    @Test
    void explicitZeroTtlWinsOverTheDefault() {
        values.put(ConnectionRegistry.DEFAULT_TTL_KEY, "PT1S");
        assertThat(handle("d", "0", -1, Map.of()).context().ttl()).isEmpty();
        assertThat(handle("d", "PT5M", -1, Map.of()).context().ttl()).contains(Duration.ofMinutes(5));
    }

    @Test
    void badDefaultTtlNamesTheKey() {
        values.put(ConnectionRegistry.DEFAULT_TTL_KEY, "soon");
        assertThatThrownBy(() -> handle("d"))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("The config key cdi-connections.default-ttl = \"soon\" is not a duration that is not "
                        + "negative. Write ISO-8601 (cdi-connections.default-ttl=PT10M), whole seconds "
                        + "(cdi-connections.default-ttl=600), or 0 to keep raw instances forever; connections that "
                        + "give their own ttl are not affected.");
    }

    @Test
    void secretsChangeResetsOnlyTheConnectionsWhoseSectionChanged() {
        CountingConnection a = handle("a");
        CountingConnection ab = handle("ab");
        CountingConnection dotted = handle("my.db");
        CountingConnection.Raw rawA = a.raw();
        CountingConnection.Raw rawAb = ab.raw();
        CountingConnection.Raw rawDotted = dotted.raw();
        registry.secrets().secretsChanged(new SecretsChangeEvent(Set.of("connections.a.host", "connections.\"my.db\".port")));
        assertThat(rawA.closed).isTrue();
        assertThat(rawDotted.closed).isTrue();
        assertThat(rawAb.closed).isFalse();
        assertThat(ab.raw()).isSameAs(rawAb);
        assertThat(a.raw()).isNotSameAs(rawA);
    }

    @Test
    void newSecretsAreSeenAfterTheReset() {
        values.put("connections.a.host", "one");
        CountingConnection a = handle("a");
        assertThat(a.raw().params.get("host")).contains("one");
        values.put("connections.a.host", "two");
        registry.secrets().secretsChanged(new SecretsChangeEvent(Set.of("connections.a.host")));
        assertThat(a.raw().params.get("host")).contains("two");
    }

    @Test
    void closeClosesEveryRawInstanceAndIsIdempotent() {
        CountingConnection a = handle("a");
        CountingConnection b = handle("b", "PT1M", 3, Map.of());
        CountingConnection.Raw rawA = a.raw();
        CountingConnection.Raw rawB = b.raw();
        registry.close();
        registry.close();
        assertThat(rawA.closed).isTrue();
        assertThat(rawB.closed).isTrue();
        assertThat(a.isClosed()).isTrue();
        assertThatThrownBy(a::raw).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> handle("a"))
                .isInstanceOf(ConnectionClosedException.class)
                .hasMessage("Connection 'a' was asked for after the application's connections were closed (the "
                        + "application is shutting down or was undeployed).");
    }

    @Test
    void aHandleClosedByItsUserIsReplacedOnTheNextRequest() {
        CountingConnection a = registry.get("a", CountingConnection.class);
        a.close();
        CountingConnection again = registry.get("a", CountingConnection.class);
        assertThat(again).isNotSameAs(a);
        assertThat(again.isClosed()).isFalse();
    }

    @Test
    void sessionTypesGetANewHandleEachTime() {
        values.put("connections.s.type", SessionConnection.class.getName());
        BaseConnection<?> one = registry.get("s", null);
        BaseConnection<?> two = registry.get("s", null);
        assertThat(one).isNotSameAs(two).isInstanceOf(SessionConnection.class);
        one.close();
    }

    @Test
    void underLoadWithTtlAndEvictionNoUseSeesAClosedInstanceAndEveryInstanceIsClosedAtTheEnd() throws Exception {
        int connects = CountingConnection.CONNECTS.get();
        int closes = CountingConnection.CLOSES.get();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        for (int t = 0; t < 16; t++) {
            results.add(pool.submit(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                int uses = 0;
                while (System.nanoTime() < end) {
                    CountingConnection h = handle("load" + random.nextInt(20), "0.05", 5, Map.of());
                    boolean closedInUse = h.use(raw -> {
                        Thread.onSpinWait();
                        return raw.closed;
                    });
                    assertThat(closedInUse).isFalse();
                    uses++;
                }
                return uses;
            }));
        }
        int uses = 0;
        for (Future<Integer> f : results) {
            uses += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(registry.liveCount()).isLessThanOrEqualTo(5 + 16);
        registry.close();
        assertThat(uses).isPositive();
        assertThat(CountingConnection.CLOSES.get() - closes).isEqualTo(CountingConnection.CONNECTS.get() - connects);
    }

    @Test
    void tenThousandNamesKeepAtMostMaxEntriesLiveAndIdleHandlesAreCollected() throws Exception {
        List<WeakReference<CountingConnection>> refs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            CountingConnection h = handle("n" + i, "", 100, Map.of());
            h.raw();
            refs.add(new WeakReference<>(h));
        }
        assertThat(registry.liveCount()).isEqualTo(100);
        long closed = refs.stream().map(WeakReference::get).filter(h -> h != null && !h.isConnected()).count();
        assertThat(closed).isLessThanOrEqualTo(9_900);
        for (int i = 0; i < 50 && registry.handleCount() > 1_000; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(registry.handleCount()).isLessThan(1_000);
        assertThat(registry.liveCount()).isEqualTo(100);
        assertThat(registry.declared()).as("used names are forgotten with their handles").hasSizeLessThan(1_000);
    }

    @Test
    void aUsedConnectionIsForgottenWhenItsHandleIsClosedButADeclaredOneStays() {
        CountingConnection used = handle("used_once");
        ConnectionRequest request = ConnectionRequest.of("declared_once", COUNTING, null, "", Connection.UNBOUNDED,
                Map.of(), "test");
        Resolution declared = registry.resolver().resolve(request, null);
        registry.declare(declared);
        BaseConnection<?> declaredHandle = registry.handle(declared);
        assertThat(registry.declared()).extracting(Resolution::name).containsExactly("declared_once", "used_once");

        used.close();
        declaredHandle.close();

        assertThat(registry.declared()).extracting(Resolution::name).containsExactly("declared_once");
        assertThat(handle("used_once")).as("asked again, it is back").isNotSameAs(used);
        assertThat(registry.declared()).extracting(Resolution::name).containsExactly("declared_once", "used_once");
    }
}
