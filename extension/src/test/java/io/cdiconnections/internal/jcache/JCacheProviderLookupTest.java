package io.cdiconnections.internal.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;

import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.cache.HazelcastMemberCachingProvider;

/**
 * Which JCache provider {@code cache = "jcache"} takes: the one Payara binds in JNDI at
 * {@code payara/CachingProvider} when {@code cache_provider} is absent, the one bound at the name
 * of {@code cache_provider = "jndi:<name>"}, else the only one on the class path. The JNDI here
 * is a naming service of a few bound names; the providers are Hazelcast's, never started (a
 * provider starts its member on its first cache manager).
 */
class JCacheProviderLookupTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @AfterEach
    void noJndi() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BoundNames.bound = Map.of();
    }

    private static void bind(Map<String, Object> names) {
        BoundNames.bound = names;
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, BoundNames.class.getName());
    }

    @Test
    void withoutCacheProviderTheProviderPayaraBindsIsTaken() {
        CachingProvider payaras = new HazelcastMemberCachingProvider();
        bind(Map.of("payara/CachingProvider", payaras));

        assertThat(JCacheSource.provider(null, loader)).isSameAs(payaras);
    }

    @Test
    void withoutJndiOrPayarasBindingTheOnlyProviderOnTheClassPathIsTaken() {
        assertThat(JCacheSource.provider(null, loader)).as("no JNDI at all")
                .isSameAs(Caching.getCachingProvider(loader));

        bind(Map.of("other/CachingProvider", new HazelcastMemberCachingProvider(), "payara/CachingProvider", "not a provider"));
        assertThat(JCacheSource.provider(null, loader)).as("JNDI without a provider at Payara's name")
                .isSameAs(Caching.getCachingProvider(loader));
    }

    @Test
    void aJndiCacheProviderNamesWhereTheServerBindsIt() {
        CachingProvider bound = new HazelcastMemberCachingProvider();
        bind(Map.of("java:global/grid/CachingProvider", bound));

        assertThat(JCacheSource.provider("jndi:java:global/grid/CachingProvider", loader)).isSameAs(bound);
    }

    @Test
    void aJndiCacheProviderWithNothingBoundThereFailsNamingTheKeyAndTheName() {
        bind(Map.of("payara/CachingProvider", new HazelcastMemberCachingProvider()));

        assertThatThrownBy(() -> JCacheSource.provider("jndi:java:global/absent", loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache_provider = \"jndi:java:global/absent\"")
                .hasMessageContaining("no JCache CachingProvider is bound in JNDI at java:global/absent");
    }

    /** A naming service holding a few names, as the server's holds its bindings; made by {@code InitialContext}. */
    public static final class BoundNames implements InitialContextFactory {

        static volatile Map<String, Object> bound = Map.of();

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            Map<String, Object> names = bound;
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "lookup" -> {
                            Object o = names.get(String.valueOf(args[0]));
                            if (o == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            yield o;
                        }
                        case "close" -> null;
                        default -> throw new OperationNotSupportedException(method.getName());
                    });
        }
    }
}
