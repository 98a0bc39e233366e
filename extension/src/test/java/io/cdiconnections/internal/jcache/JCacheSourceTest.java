package io.cdiconnections.internal.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.core.Hazelcast;

import io.cdiconnections.internal.SharedCache;
import io.cdiconnections.test.LogCapture;

/**
 * Which JCache provider {@code cache = "jcache"} takes: the one Payara binds in JNDI at
 * {@code payara/CachingProvider} when {@code cache_provider} is absent, the one bound at the name
 * of {@code cache_provider = "jndi:<name>"}, else the only one on the class path. The JNDI here
 * is a naming service of a few bound names; the providers are Hazelcast's, not started (a
 * provider starts its member on its first cache manager). And: applications of different class
 * loaders (two deployments, or one in each JVM) open one cache, on a real Hazelcast member.
 */
class JCacheSourceTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @AfterEach
    void noJndi() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BoundNames.bound = Map.of();
        BoundNames.looked.clear();
    }

    /** @return the provider {@code cache_provider} names, JNDI looked up as {@code open} looks it up */
    private static CachingProvider provider(String provider, ClassLoader loader) {
        return JCacheSource.provider(provider, loader, null, JCacheSource::bound);
    }

    private static void bind(Map<String, Object> names) {
        BoundNames.bound = names;
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, BoundNames.class.getName());
    }

    @Test
    void withoutCacheProviderTheProviderPayaraBindsIsTaken() {
        CachingProvider payaras = new HazelcastMemberCachingProvider();
        bind(Map.of("payara/CachingProvider", payaras));

        assertThat(provider(null, loader)).isSameAs(payaras);
    }

    @Test
    void withoutJndiOrPayarasBindingTheOnlyProviderOnTheClassPathIsTaken() throws Exception {
        // a loader of its own: Caching keeps the providers other tests loaded by name per class loader
        try (URLClassLoader fresh = new URLClassLoader(new URL[0], loader)) {
            assertThat(provider(null, fresh)).as("no JNDI at all")
                    .isSameAs(Caching.getCachingProvider(fresh));

            bind(Map.of("other/CachingProvider", new HazelcastMemberCachingProvider(), "payara/CachingProvider", "not a provider"));
            assertThat(provider(null, fresh)).as("JNDI without a provider at Payara's name")
                    .isSameAs(Caching.getCachingProvider(fresh));
        }
    }

    @Test
    void somethingElseAtPayarasNameIsWarnedAboutOnceNamingTheFirstCache() throws Exception {
        try (URLClassLoader fresh = new URLClassLoader(new URL[0], loader);
             io.cdiconnections.test.LogCapture log = new io.cdiconnections.test.LogCapture(JCacheSource.class.getName())) {
            JCacheSource.NOT_A_PROVIDER_AT_PAYARAS_NAME_LOGGED.set(false);
            bind(Map.of("payara/CachingProvider", "not a provider"));
            JCacheSource.provider(null, fresh, "cdi-connections.orders", JCacheSource::bound);
            JCacheSource.provider(null, fresh, "cdi-connections.stock", JCacheSource::bound);

            assertThat(log.messages()).singleElement().asString()
                    .contains("(cache cdi-connections.orders, and every later one without cache_provider)")
                    .contains("JNDI holds a java.lang.String at payara/CachingProvider")
                    .doesNotContain("cdi-connections.stock");
        }
    }

    @Test
    void aJndiCacheProviderNamesWhereTheServerBindsIt() {
        CachingProvider bound = new HazelcastMemberCachingProvider();
        bind(Map.of("java:global/grid/CachingProvider", bound));

        assertThat(provider("jndi:java:global/grid/CachingProvider", loader)).isSameAs(bound);
    }

    @Test
    void aJndiCacheProviderWithNothingBoundThereFailsNamingTheKeyAndTheName() {
        bind(Map.of("payara/CachingProvider", new HazelcastMemberCachingProvider()));

        assertThatThrownBy(() -> provider("jndi:java:global/absent", loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache_provider = \"jndi:java:global/absent\"")
                .hasMessageContaining("no JCache CachingProvider is bound in JNDI at java:global/absent");
    }

    @Test
    void aJndiCacheProviderWhoseNameHoldsSomethingElseFailsNamingTheKeyTheNameAndTheClassFound() {
        bind(Map.of("java:global/grid/CachingProvider", new StringBuilder("s3cret-looking value")));

        assertThatThrownBy(() -> provider("jndi:java:global/grid/CachingProvider", loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache_provider = \"jndi:java:global/grid/CachingProvider\"")
                .hasMessageContaining("JNDI holds a java.lang.StringBuilder at java:global/grid/CachingProvider, not a"
                        + " javax.cache.spi.CachingProvider")
                .hasMessageContaining("Give the name the server binds its JCache CachingProvider at")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aProviderOfAnotherCopyOfTheJCacheApiIsNamedAsSuch() throws Exception {
        // the JCache API loaded a second time, as from a WAR that carries its own cache-api jar
        URL api = CachingProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader war = new URLClassLoader(new URL[] {api}, null)) {
            Class<?> theirs = war.loadClass(CachingProvider.class.getName());
            assertThat(theirs).isNotSameAs(CachingProvider.class);
            Object foreign = Proxy.newProxyInstance(war, new Class<?>[] {theirs}, (proxy, method, args) -> null);
            bind(Map.of("java:global/grid/CachingProvider", foreign));

            assertThatThrownBy(() -> provider("jndi:java:global/grid/CachingProvider", loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at java:global/grid/CachingProvider, not a javax.cache.spi.CachingProvider")
                    .hasMessageContaining("another copy of the JCache API")
                    .hasMessageContaining("javax.cache:cache-api");
        }
        assertThat(JCacheSource.providerOfSomeApi(HazelcastMemberCachingProvider.class)).as("a provider of any copy")
                .isTrue();
        assertThat(JCacheSource.providerOfSomeApi(String.class)).isFalse();
    }

    @Test
    void somethingElseAtPayarasNameIsPassedOverWithOneWarning() throws Exception {
        JCacheSource.NOT_A_PROVIDER_AT_PAYARAS_NAME_LOGGED.set(false);
        bind(Map.of("payara/CachingProvider", new StringBuilder("s3cret-looking value")));
        try (URLClassLoader fresh = new URLClassLoader(new URL[0], loader);
                LogCapture log = new LogCapture(JCacheSource.class.getName())) {
            assertThat(provider(null, fresh)).isSameAs(Caching.getCachingProvider(fresh));
            assertThat(provider(null, fresh)).isSameAs(Caching.getCachingProvider(fresh));

            assertThat(log.messages()).as("logged once").hasSize(1).first().asString()
                    .contains("JNDI holds a java.lang.StringBuilder at payara/CachingProvider")
                    .contains("the only JCache provider on the class path is used instead")
                    .contains("Set cache_provider").doesNotContain("s3cret");
        }
    }

    @Test
    void aJndiCacheProviderThatIsAUrlIsRefusedWithoutLookingItUp() {
        CachingProvider planted = new HazelcastMemberCachingProvider();
        bind(Map.of("ldap://attacker.example:1389/x", planted, "rmi://127.0.0.1:1099/x", planted,
                "dns:attacker.example", planted));

        for (String name : java.util.List.of("ldap://attacker.example:1389/x", "rmi://127.0.0.1:1099/x",
                "dns:attacker.example", "LDAP://user:s3cret@attacker.example/x")) {
            assertThatThrownBy(() -> JCacheSource.provider("jndi:" + name, loader, null, looked -> {
                BoundNames.looked.add(looked);
                return Optional.of(planted);
            })).as(name)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only a name in the server's own naming context is looked up")
                    .hasMessageNotContaining("attacker").hasMessageNotContaining("s3cret");
        }
        assertThat(BoundNames.looked).as("no lookup was made").isEmpty();
        assertThat(JCacheSource.scheme("payara/CachingProvider")).isNull();
        assertThat(JCacheSource.scheme("java:global/grid/CachingProvider")).isEqualTo("java");
        assertThat(JCacheSource.scheme("grid/a:b")).as("a colon after the first slash is no scheme").isNull();
    }

    @Test
    void payarasNameIsNotLookedUpWhenTheDefaultContextIsAnotherMachine() throws Exception {
        bind(Map.of("payara/CachingProvider", new HazelcastMemberCachingProvider()));
        System.setProperty(Context.PROVIDER_URL, "ldap://127.0.0.1:1/");
        try (URLClassLoader fresh = new URLClassLoader(new URL[0], loader)) {
            assertThat(provider(null, fresh)).as("the class path's provider, not a lookup")
                    .isSameAs(Caching.getCachingProvider(fresh));
            assertThat(BoundNames.looked).isEmpty();
        } finally {
            System.clearProperty(Context.PROVIDER_URL);
        }
        assertThat(provider(null, loader)).as("without a provider URL Payara's name is looked up")
                .isInstanceOf(HazelcastMemberCachingProvider.class);
        assertThat(BoundNames.looked).containsExactly("payara/CachingProvider");
    }

    /**
     * Hazelcast names a cache manager's caches after its class loader unless it is the provider's
     * default: opened with each application's own loader, two WARs on one Payara (or the same WAR
     * in two Payara JVMs, whose loaders print differently) would each have a cache of their own.
     * Here two applications of their own class loaders take the one provider the server binds.
     */
    @Test
    void applicationsOfTwoClassLoadersOnOneServerShareOneCache() throws Exception {
        if (System.getProperty("cdi.grid.cluster") == null) { // what GridSupport gives the sql package's grid tests
            System.setProperty("cdi.grid.cluster", "cdi-grid-" + ProcessHandle.current().pid());
            System.setProperty("cdi.grid.port", Integer.toString(20_000 + ThreadLocalRandom.current().nextInt(2_000) * 4));
            System.setProperty("hazelcast.phone.home.enabled", "false");
        }
        bind(Map.of("payara/CachingProvider", new HazelcastMemberCachingProvider()));
        String uri = "classpath:cdi-grid-hazelcast.xml";
        String name = "cdi-connections.loaders-" + ProcessHandle.current().pid();
        try (URLClassLoader first = new URLClassLoader("first-war", new URL[0], loader);
                URLClassLoader second = new URLClassLoader("second-war", new URL[0], loader)) {
            SharedCache a = new JCacheSource().open(null, uri, name, first);
            SharedCache b = new JCacheSource().open(null, uri, name, second);
            a.put("k", "written by the first".getBytes(StandardCharsets.UTF_8));

            assertThat(b.get("k")).as("read by the second").isEqualTo("written by the first".getBytes(StandardCharsets.UTF_8));
        } finally {
            Hazelcast.shutdownAll();
        }
    }

    /** A naming service holding a few names, as the server's holds its bindings; made by {@code InitialContext}. */
    public static final class BoundNames implements InitialContextFactory {

        static volatile Map<String, Object> bound = Map.of();
        /** Every name looked up, in order. */
        static final java.util.List<String> looked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            Map<String, Object> names = bound;
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "lookup" -> {
                            looked.add(String.valueOf(args[0]));
                            Object o = names.get(String.valueOf(args[0]));
                            if (o == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            yield o;
                        }
                        case "close" -> null;
                        case "getEnvironment" -> new Hashtable<>(environment);
                        default -> throw new OperationNotSupportedException(method.getName());
                    });
        }
    }
}
