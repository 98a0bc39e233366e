package io.cdiconnections.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionClosedException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.Registries;
import io.cdiconnections.internal.registry.TypeResolver;

/**
 * The contract every connection type keeps, as a JUnit 5 suite: extend it in your test scope,
 * say which class to test and give it a secrets section that connects, and it checks the type
 * with real behaviour (a real secrets.toml, the real file watcher, the real registry, your real
 * server; no mocks):
 * <ul>
 * <li>the type resolves by its class, by its fully qualified name and by {@code type} in secrets;</li>
 * <li>the raw instance is created lazily, and once under 32 concurrent first uses;</li>
 * <li>{@code reset()}, ttl expiry and {@code maxEntries} eviction close the raw instance once the
 *     uses in flight on it end, and the next use connects again;</li>
 * <li>options given in code override secrets; an edit of the connection's own
 *     {@code [connections.<name>]} section resets it, an edit of another section does not;</li>
 * <li>{@code toString()}, every exception text and every log record of a failing connect hold
 *     no secret value (a unique password is planted in the wrong section);</li>
 * <li>closing the registry (application shutdown) closes every raw instance, and a second
 *     {@code close()} is harmless;</li>
 * <li>the class can be injected through a CDI client proxy in every container.</li>
 * </ul>
 *
 * <p>A complete example, for a Redis connection whose raw instance is a Lettuce
 * {@code StatefulRedisConnection}:
 *
 * <pre>{@code
 * class RedisConnectionContractTest
 *         extends ConnectionContract<RedisConnection, StatefulRedisConnection<String, String>> {
 *
 *     @Override
 *     protected Class<RedisConnection> connectionClass() {
 *         return RedisConnection.class;
 *     }
 *
 *     @Override                                   // a section that connects to a real server
 *     protected Section workingSection() {
 *         return Section.toml("""
 *                 host = "127.0.0.1"
 *                 port = 6379
 *                 database = 9
 *                 """);
 *     }
 *
 *     @Override                                   // one that fails (nothing listens on port 1),
 *     protected Section wrongSection(String secret) {   // carrying the planted secret
 *         return Section.of(Map.of("host", "127.0.0.1", "port", 1, "database", 9, "password", secret));
 *     }
 *
 *     @Override                                   // how to see that a raw instance is closed
 *     protected boolean isClosed(StatefulRedisConnection<String, String> raw) {
 *         return !raw.isOpen();
 *     }
 *
 *     @Override                                   // real work, also on a retired instance in flight
 *     protected void exercise(StatefulRedisConnection<String, String> raw) {
 *         assertThat(raw.sync().ping()).isEqualTo("PONG");
 *     }
 * }
 * }</pre>
 *
 * <p>Add {@code io.cdiconnections:cdi-connections-tck} to the test scope; it brings JUnit 5,
 * AssertJ and SmallRye Config. Each test writes its own secrets.toml to a temporary folder and runs
 * its own registry over it, so the machine's {@code ~/.streamlit/secrets.toml}, environment
 * variables and system properties play no part. A test that needs {@link #wrongSection} is
 * skipped (with the reason) when there is none. Subclasses may add tests of their own, using
 * {@link #registry()} and {@link #connections()}.
 *
 * @param <C> the connection type
 * @param <R> the type of its raw instance
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class ConnectionContract<C extends BaseConnection<R>, R> {

    /** The name of the section {@link #workingSection()} is written to, without a {@code type} key. */
    protected static final String NAME = "contract";
    /** The working section again, with {@code type = "<the class>"}. */
    protected static final String TYPED = "contract_typed";
    /** Two more copies of the working section, for eviction and shutdown. */
    protected static final String SECOND = "contract_2";
    /** See {@link #SECOND}. */
    protected static final String THIRD = "contract_3";
    /** {@link #wrongSection(String)}, with {@code type = "<the class>"}. */
    protected static final String WRONG = "contract_wrong";
    /** A section of another connection, edited to show that only a connection's own section counts. */
    protected static final String UNRELATED = "unrelated";
    /** The ttl of the ttl tests. */
    protected static final Duration TTL = Duration.ofSeconds(1);

    @TempDir
    Path folder;

    /** A unique secret, planted in the wrong section and looked for in every text. */
    private final String secret = "tck" + UUID.randomUUID().toString().replace("-", "");
    private SecretsFile secrets;
    private ConnectionRegistry registry;
    private ContractSupport<C, R> run;

    /** @return the connection type under test */
    protected abstract Class<C> connectionClass();

    /**
     * @return a section that connects to a real, running server (keys only: no header, no
     *         {@code type} key); null when no server can be reached from the tests (a cloud
     *         service without a test account), which skips every test that needs a connect and
     *         keeps those that do not (resolution, proxies, no secret in any text)
     */
    protected abstract Section workingSection();

    /**
     * A section that fails to connect because of a value it holds (a wrong password, a port no one
     * listens on), with {@code secret} where the type takes a password or token. Best with the
     * same keys as {@link #workingSection()}, so that giving the working values in code repairs it.
     *
     * @param secret a unique value that no text may ever show
     * @return the section, or null (the default) to skip the tests that need one
     */
    protected Section wrongSection(String secret) {
        return null;
    }

    /**
     * Tells whether a raw instance is closed. The default asks the instance: a public
     * {@code isClosed()} ({@code HikariDataSource}, JDBC {@code Connection}), {@code isOpen()}
     * (Lettuce, NIO channels) or {@code isShutdown()}; a type whose raw instance has none of these
     * must override it, or the lifecycle tests fail saying so.
     *
     * @param raw a raw instance this type made
     * @return whether it has been closed
     */
    protected boolean isClosed(R raw) {
        return CloseProbe.isClosed(raw);
    }

    /**
     * Real work with a raw instance (a {@code PING}, a {@code select 1}): run after every connect,
     * and by uses in flight on an instance retired underneath them, which must still work. The
     * default does nothing.
     *
     * @param raw an open raw instance
     * @throws Exception when the work fails
     */
    protected void exercise(R raw) throws Exception {
    }

    /** @return how long to wait for a close or for the file watcher; 10 seconds by default */
    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    /** @return the registry of the current test, over its secrets.toml */
    protected final ConnectionRegistry registry() {
        return registry;
    }

    /** @return {@link Connections} bound to {@link #registry()} */
    protected final Connections connections() {
        return Connections.boundTo(registry);
    }

    @BeforeEach
    void startApplication() throws Exception {
        String type = "type = \"" + connectionClass().getName() + "\"\n";
        String working = ContractSupport.working(this);
        secrets = new SecretsFile(folder).section(NAME, working).section(TYPED, type + working)
                .section(SECOND, working).section(THIRD, working).section(UNRELATED, "value = \"1\"\n");
        Section wrong = wrongSection(secret);
        if (wrong != null) {
            secrets.section(WRONG, type + wrong.toToml());
        }
        secrets.save();
        ClassLoader application = new ClassLoader(getClass().getClassLoader()) { };
        registry = new ConnectionRegistry(secrets.config(), application);
        Registries.register(application, registry);
        run = new ContractSupport<>(this, registry, application);
    }

    @AfterEach
    void stopApplication() {
        if (registry != null) {
            registry.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }

    // ---- type resolution ----

    @Test
    void typeResolvesByClass() throws Exception {
        C byJavaType = run.inApplication(() -> Connections.get(NAME, connectionClass()));
        C byBuilder = connections().named(NAME).type(connectionClass()).get(connectionClass());
        assertThat(byJavaType).isInstanceOf(connectionClass());
        assertSameWhenShared(byJavaType, byBuilder);
        run.worksIfItCan(byJavaType);
    }

    @Test
    void typeResolvesByFullyQualifiedName() throws Exception {
        BaseConnection<?> byName = connections().named(NAME).type(connectionClass().getName()).get();
        assertThat(byName).isInstanceOf(connectionClass());
        assertSameWhenShared(connectionClass().cast(byName), registry.get(NAME, connectionClass()));
        run.worksIfItCan(connectionClass().cast(byName));
    }

    @Test
    void typeResolvesByTheTypeKeyInSecrets() throws Exception {
        BaseConnection<?> fromSecrets = run.inApplication(() -> Connections.get(TYPED));
        assertThat(fromSecrets).isInstanceOf(connectionClass());
        run.worksIfItCan(connectionClass().cast(fromSecrets));
    }

    @Test
    void typeResolvesByItsShortName() throws Exception {
        String shortName = TypeResolver.SHORT_NAMES.entrySet().stream()
                .filter(e -> e.getValue().equals(connectionClass().getName())).map(Map.Entry::getKey).findFirst().orElse(null);
        assumeThat(shortName).as("%s is not a built-in type with a short name", connectionClass().getSimpleName()).isNotNull();
        BaseConnection<?> byShortName = connections().named(NAME).type(shortName).get();
        assertThat(byShortName).isInstanceOf(connectionClass());
        run.worksIfItCan(connectionClass().cast(byShortName));
    }

    @Test
    void classCanBeInjectedThroughAClientProxy() {
        assertThat(ProxyCheck.problems(connectionClass()))
                .as("what keeps %s from being injected with @Connection in WildFly, Payara and Open Liberty",
                        connectionClass().getSimpleName())
                .isEmpty();
    }

    // ---- lazy creation and reset ----

    @Test
    void handleDoesNotConnectBeforeItsFirstUse() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        assertThat(handle.isConnected()).as("connected by get()").isFalse();
        assertThat(registry.liveCount()).isZero();
        if (wrongSection(secret) != null) {
            C unreachable = connections().named(WRONG).get(connectionClass());
            assertThat(unreachable.isConnected()).as("a handle whose server cannot be reached is still handed out").isFalse();
        }
        run.assumeConnects();
        handle.checkConfiguration();
        run.works(handle);
        assertThat(handle.isConnected()).isTrue();
        assertThat(registry.liveCount()).isOne();
    }

    @Test
    void rawInstanceIsCreatedOnceUnder32ConcurrentFirstUses() throws Exception {
        run.assumeConnects();
        AtomicInteger connects = new AtomicInteger();
        ConnectionLifecycle counting = new ConnectionLifecycle() {
            @Override
            public void connected(BaseConnection<?> connection, RawInstance instance) {
                connects.incrementAndGet();
            }
        };
        C handle = connectionClass().cast(TypeResolver.instantiate(connectionClass(), new ConnectionContext(NAME, Map.of(),
                null, Connection.UNBOUNDED, secrets.config(), counting)));
        try {
            Set<R> raws = run.concurrentFirstUses(handle, 32);
            assertThat(connects).as("connects").hasValue(1);
            assertThat(raws).as("raw instances the 32 uses saw").hasSize(1);
        } finally {
            handle.close();
        }
    }

    @Test
    void registryHandleIsSharedAndConnectsOnceUnder32ConcurrentFirstUses() throws Exception {
        run.assumeConnects();
        C handle = registry.get(NAME, connectionClass());
        assertThat(run.concurrentFirstUses(handle, 32)).as("raw instances the 32 uses saw").hasSize(1);
        assertThat(registry.liveCount()).isOne();
    }

    @Test
    void resetClosesTheOldRawInstanceAndTheNextUseConnectsAgain() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        R first = run.works(handle);
        assertThat(isClosed(first)).as("a raw instance in service is closed").isFalse();
        handle.reset();
        run.awaitClosed(first, "after reset()");
        assertThat(handle.isConnected()).isFalse();
        R second = run.works(handle);
        assertThat(second).isNotSameAs(first);
        assertThat(isClosed(second)).isFalse();
    }

    @Test
    void resetWaitsForTheUsesInFlight() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        InFlight<R> inFlight = run.startUse(handle);
        handle.reset();
        R next = run.works(handle);
        assertThat(next).as("the next use connects anew while the old instance is in flight").isNotSameAs(inFlight.raw());
        run.assertStaysOpenUntilTheUseEnds(inFlight, "after reset()");
    }

    // ---- ttl and maxEntries ----

    @Test
    void ttlExpiryClosesTheRawInstanceAndTheNextUseConnectsAgain() throws Exception {
        C handle = connections().named(NAME).ttl(TTL).get(connectionClass());
        R first = run.works(handle);
        run.awaitClosed(first, "after its ttl of " + TTL.toMillis() + " ms");
        R second = run.works(handle);
        assertThat(second).isNotSameAs(first);
        assertThat(isClosed(second)).isFalse();
    }

    @Test
    void ttlExpiryWaitsForTheUsesInFlight() throws Exception {
        C handle = connections().named(NAME).ttl(TTL).get(connectionClass());
        InFlight<R> inFlight = run.startUse(handle);
        Thread.sleep(TTL.toMillis() + 500);
        run.assertStaysOpenUntilTheUseEnds(inFlight, "after its ttl");
    }

    @Test
    void maxEntriesEvictionClosesTheLeastRecentlyUsedRawInstance() throws Exception {
        C a = connections().named(NAME).maxEntries(2).get(connectionClass());
        C b = connections().named(SECOND).maxEntries(2).get(connectionClass());
        C c = connections().named(THIRD).maxEntries(2).get(connectionClass());
        R rawA = run.works(a);
        R rawB = run.works(b);
        run.works(a);
        R rawC = run.works(c);
        run.awaitClosed(rawB, "evicted as the least recently used of maxEntries = 2");
        assertThat(isClosed(rawA)).as("the recently used instance").isFalse();
        assertThat(isClosed(rawC)).as("the newest instance").isFalse();
        assertThat(registry.liveCount()).isEqualTo(2);
        assertThat(run.works(b)).as("the evicted handle reconnects").isNotSameAs(rawB);
        run.awaitClosed(rawA, "evicted when b came back");
    }

    @Test
    void maxEntriesEvictionWaitsForTheUsesInFlight() throws Exception {
        C a = connections().named(NAME).maxEntries(1).get(connectionClass());
        C b = connections().named(SECOND).maxEntries(1).get(connectionClass());
        InFlight<R> inFlight = run.startUse(a);
        run.works(b);
        run.assertStaysOpenUntilTheUseEnds(inFlight, "after its eviction");
    }

    // ---- options and secrets ----

    @Test
    void optionsGivenInCodeAloneAreEnoughToConnect() throws Exception {
        run.assumeConnects();
        Map<String, String> working = run.secretsOf(NAME);
        C handle = connections().named("contract_code_only").type(connectionClass()).options(working).get(connectionClass());
        assertThat(handle.secrets().isEmpty()).as("no secrets section").isTrue();
        working.keySet().forEach(k -> assertThat(handle.parameters().isFromOptions(k)).as(k).isTrue());
        run.works(handle);
    }

    @Test
    void optionsGivenInCodeOverrideSecrets() throws Exception {
        run.assumeConnects();
        assumeWrongSection();
        Map<String, String> working = run.secretsOf(NAME);
        Map<String, String> wrong = run.secretsOf(WRONG);
        Map<String, String> repair = new HashMap<>(working);
        wrong.keySet().forEach(k -> repair.putIfAbsent(k, "")); // an empty value reads as unset
        C repaired = connections().named(WRONG).options(repair).get(connectionClass());
        run.works(repaired);
        C broken = connections().named(NAME).type(connectionClass()).options(wrong).get(connectionClass());
        assertThatThrownBy(() -> run.works(broken)).as("the wrong values given in code over working secrets")
                .isInstanceOf(ConnectionException.class);
    }

    @Test
    void editingItsOwnSectionOnDiskResetsTheConnection() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        R first = run.works(handle);
        secrets.section(NAME, "type = \"" + connectionClass().getName() + "\"\n" + ContractSupport.working(this)).save();
        run.awaitClosed(first, "after its [connections." + NAME + "] section changed in secrets.toml");
        assertThat(run.works(handle)).isNotSameAs(first);
    }

    @Test
    void editingAnotherSectionOnDiskLeavesTheConnectionAlone() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        R first = run.works(handle);
        secrets.section(UNRELATED, "value = \"2\"\n").save();
        secrets.awaitValue("connections." + UNRELATED + ".value", "2", patience());
        Thread.sleep(300); // the watcher tells the registry right after the new value is visible
        assertThat(isClosed(first)).as("closed by an edit of [connections." + UNRELATED + "]").isFalse();
        assertThat(run.works(handle)).isSameAs(first);
    }

    @Test
    void brokenThenRepairedSecretsAreSeenByTheNextUse() throws Exception {
        run.assumeConnects();
        assumeWrongSection();
        C handle = registry.get(NAME, connectionClass());
        R first = run.works(handle);
        secrets.section(NAME, wrongSection(secret).toToml()).save();
        run.awaitClosed(first, "after its section was broken in secrets.toml");
        long failing = System.nanoTime();
        assertThatThrownBy(() -> run.works(handle)).isInstanceOf(ConnectionException.class);
        failing = System.nanoTime() - failing; // an attempt under way when the file is repaired still fails
        secrets.section(NAME, ContractSupport.working(this)).save();
        long deadline = System.nanoTime() + patience().toNanos() + 2 * failing;
        for (;;) {
            try {
                run.works(handle);
                return;
            } catch (ConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Still failing " + patience().toSeconds() + " s after secrets.toml was repaired", e);
                }
                Thread.sleep(100);
            }
        }
    }

    // ---- no secret in any text ----

    @Test
    void toStringShowsNoSecretValue() throws Exception {
        assumeWrongSection();
        try (Leaks leaks = new Leaks(secret)) {
            C handle = connections().named(WRONG).get(connectionClass());
            run.describe(leaks, "before connecting", handle);
            catchThrowable(handle::raw);
            run.describe(leaks, "after a failed connect", handle);
            C withOptions = connections().named(NAME).type(connectionClass()).options(run.secretsOf(WRONG)).get(connectionClass());
            run.describe(leaks, "with the wrong values given in code", withOptions);
            leaks.assertNoSecret();
        }
    }

    @Test
    void failingConnectShowsNoSecretValueInAnyExceptionOrLogRecord() throws Exception {
        assumeWrongSection();
        try (Leaks leaks = new Leaks(secret)) {
            C fromSecrets = connections().named(WRONG).get(connectionClass());
            C fromCode = connections().named(NAME).type(connectionClass()).options(run.secretsOf(WRONG)).get(connectionClass());
            for (C handle : List.of(fromSecrets, fromCode)) {
                List<Throwable> failures = new ArrayList<>();
                failures.add(catchThrowable(handle::raw));
                failures.add(catchThrowable(() -> handle.use(r -> r)));
                failures.add(catchThrowable(handle::checkConfiguration));
                for (Throwable failure : failures) {
                    if (failure != null) {
                        leaks.add("exception of " + handle.name(), failure);
                    }
                }
                assertThat(failures.get(0)).as("a failing connect of " + handle.name())
                        .isInstanceOf(ConnectionException.class).hasMessageContaining(handle.name());
                handle.close();
            }
            leaks.assertNoSecret();
        }
    }

    // ---- shutdown ----

    @Test
    void closingTheRegistryClosesEveryRawInstance() throws Exception {
        List<C> handles = List.of(registry.get(NAME, connectionClass()),
                connections().named(SECOND).ttl(Duration.ofMinutes(10)).get(connectionClass()),
                connections().named(THIRD).maxEntries(2).get(connectionClass()));
        List<R> raws = new ArrayList<>();
        for (C handle : handles) {
            raws.add(run.works(handle));
        }
        registry.close();
        for (R raw : raws) {
            run.awaitClosed(raw, "at shutdown (registry.close())");
        }
        for (C handle : handles) {
            assertThat(handle.isClosed()).isTrue();
            assertThatThrownBy(handle::raw).isInstanceOf(ConnectionClosedException.class);
        }
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        C handle = registry.get(NAME, connectionClass());
        C other = connections().named(SECOND).get(connectionClass());
        R raw = run.works(handle);
        R otherRaw = run.works(other);
        other.close();
        assertThatCode(other::close).doesNotThrowAnyException();
        run.awaitClosed(otherRaw, "after close()");
        registry.close();
        assertThatCode(registry::close).doesNotThrowAnyException();
        assertThatCode(handle::close).doesNotThrowAnyException();
        run.awaitClosed(raw, "at shutdown");
    }

    @Test
    void closingTheRegistryWaitsForTheUsesInFlight() throws Exception {
        run.assumeConnects();
        InFlight<R> inFlight = run.startUse(registry.get(NAME, connectionClass()));
        registry.close();
        run.assertStaysOpenUntilTheUseEnds(inFlight, "at shutdown");
    }

    // ---- helpers ----

    private void assertSameWhenShared(C one, C other) {
        if (one.scope() == ConnectionScope.GLOBAL) {
            assertThat(other).as("the same arguments give the same handle").isSameAs(one);
        }
    }

    private void assumeWrongSection() {
        assumeThat(wrongSection(secret)).as("no wrongSection(secret) given").isNotNull();
    }
}
