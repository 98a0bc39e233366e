package io.cdiconnections.internal.jcache;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.cdiconnections.internal.SharedCache;

/**
 * Opens a JCache cache of encoded results: the provider named ({@code jndi:<name>}: the one the
 * server binds there), else the one Payara binds at {@value #PAYARA_PROVIDER}, else the only one
 * present; its cache manager at the URI given or its default, and the cache by name, made when absent.
 *
 * <p>Payara (Server and Micro) makes its JCache provider over its own Hazelcast member and binds it
 * in JNDI only: {@link Caching#getCachingProvider(ClassLoader)} does not return it (found through
 * the class path, Hazelcast's provider would start a second member with Hazelcast's default
 * configuration, multicast on), so the JNDI name is tried first. Something else bound there is
 * passed over, with one WARNING per JVM; something else at a {@code jndi:} name fails.
 *
 * <p>A cache this makes keeps an entry at most {@link #MAX_ENTRY_LIFE} hour from its creation:
 * each entry also carries its own expiry (the query's ttl), checked on read, so the cache-wide one
 * only bounds how long an expired entry can take room. A cache an administrator made is used as it
 * is (its expiry, its size bound).
 *
 * <p>Internal: made by {@link java.util.ServiceLoader}.
 */
public final class JCacheSource implements SharedCache.Source {

    /** Hours an entry of a cache made here lives at most, whatever its ttl. */
    static final int MAX_ENTRY_LIFE = 1;

    /** Where Payara Server and Micro bind the JCache provider of their Hazelcast member. */
    static final String PAYARA_PROVIDER = "payara/CachingProvider";

    /** {@code cache_provider}'s prefix for a provider the server binds in JNDI. */
    static final String JNDI = "jndi:";

    private static final System.Logger LOG = System.getLogger(JCacheSource.class.getName());
    /** The interface a provider implements, by name: a copy of the JCache API in another class loader has its own. */
    private static final String PROVIDER_API = CachingProvider.class.getName();
    /** Whether something other than a provider at {@value #PAYARA_PROVIDER} was logged: once per JVM. */
    static final AtomicBoolean NOT_A_PROVIDER_AT_PAYARAS_NAME_LOGGED = new AtomicBoolean();

    /** Made by {@link java.util.ServiceLoader}. */
    public JCacheSource() {
    }

    @Override
    public SharedCache open(String provider, String uri, String name, ClassLoader loader) {
        CachingProvider p = provider(provider, loader, name, JCacheSource::bound);
        // The provider's default class loader, not the application's: Hazelcast puts a class loader
        // other than its default into the cache's name (its toString, which differs in each JVM and
        // deployment), so every instance would have a cache of its own. Keys and values are String
        // and byte[]: no application class is ever loaded through the cache manager.
        CacheManager manager = p.getCacheManager(uri == null ? p.getDefaultURI() : URI.create(uri), null);
        return new JCacheStore(cache(manager, name));
    }

    /**
     * @param provider {@code cache_provider}: a class name, {@code jndi:<name>}, or null
     * @param loader   the class loader to find a provider class with
     * @param cache    the cache it is for, named in the warning; null when unknown
     * @param bound    looks a name up in JNDI: what is bound there, if anything ({@link #bound}; the
     *                 tests give their own)
     * @return the provider
     * @throws IllegalStateException when nothing, or something not a {@code CachingProvider}, is bound at a
     *                               {@code jndi:} name
     */
    static CachingProvider provider(String provider, ClassLoader loader, String cache,
            Function<String, Optional<Object>> bound) {
        if (provider == null) {
            Object payaras = bound.apply(PAYARA_PROVIDER).orElse(null);
            if (payaras instanceof CachingProvider p) {
                return p;
            }
            if (payaras != null && NOT_A_PROVIDER_AT_PAYARAS_NAME_LOGGED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, JCacheMessages.notAProviderAtPayarasName(cache, PAYARA_PROVIDER,
                        payaras.getClass().getName(), providerOfSomeApi(payaras.getClass())));
            }
            return Caching.getCachingProvider(loader);
        }
        if (provider.startsWith(JNDI)) {
            String name = provider.substring(JNDI.length());
            String scheme = scheme(name);
            if (scheme != null && !scheme.equalsIgnoreCase("java")) {
                // a URL (ldap:, rmi:, dns:, iiop:...) would make the lookup reach another machine, whose
                // answer JNDI may deserialize or load code for: the Log4Shell path. The value may hold
                // user:password@host, so the message names only the scheme.
                throw new IllegalStateException(JCacheMessages.notLocal(scheme));
            }
            Object found = bound.apply(name)
                    .orElseThrow(() -> new IllegalStateException(JCacheMessages.nothingBound(provider, name)));
            if (found instanceof CachingProvider p) {
                return p;
            }
            throw new IllegalStateException(JCacheMessages.notAProvider(provider, name, found.getClass().getName(),
                    providerOfSomeApi(found.getClass())));
        }
        return Caching.getCachingProvider(provider, loader);
    }

    /**
     * @param name a JNDI name
     * @return its URL scheme ({@code java} for {@code java:global/...}), or null when it has none
     *         (a name relative to the server's context, as {@code payara/CachingProvider})
     */
    static String scheme(String name) {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) ? name.substring(0, colon) : null;
    }

    /**
     * @param type the class of an object bound where a provider was expected
     * @return whether it implements an interface named {@code javax.cache.spi.CachingProvider}: when it
     *         is no {@code CachingProvider} of this class loader's, that of another copy of the JCache API
     *         (the application carries its own), a provider this cannot use
     */
    static boolean providerOfSomeApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(PROVIDER_API) || providerOfSomeApi(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return what is bound at the name, if JNDI is there and something is */
    static Optional<Object> bound(String name) {
        InitialContext context = null;
        try {
            context = new InitialContext();
            if (scheme(name) == null && context.getEnvironment().get(Context.PROVIDER_URL) != null) {
                // a name without a scheme goes to the default context; with a provider URL set (a plain
                // JVM whose jndi.properties points at an LDAP server, say) that is another machine
                return Optional.empty();
            }
            return Optional.ofNullable(context.lookup(name));
        } catch (NamingException | RuntimeException | LinkageError e) { // no JNDI, or nothing bound there
            return Optional.empty();
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) { // nothing held
                }
            }
        }
    }

    private static Cache<String, byte[]> cache(CacheManager manager, String name) {
        Cache<String, byte[]> cache = manager.getCache(name, String.class, byte[].class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, byte[]> config = new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class)
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, MAX_ENTRY_LIFE)));
        try {
            return manager.createCache(name, config);
        } catch (CacheException e) { // another instance made it first
            Cache<String, byte[]> made = manager.getCache(name, String.class, byte[].class);
            if (made == null) {
                throw e;
            }
            return made;
        }
    }
}
