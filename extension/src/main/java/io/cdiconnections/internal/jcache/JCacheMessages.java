package io.cdiconnections.internal.jcache;

/**
 * The texts of this package's failures. They reach the user inside the shared cache's warning
 * (docs/clustering.md, "Failure modes"), which names the connection and its section.
 */
final class JCacheMessages {

    private JCacheMessages() {
    }

    /**
     * @param provider the value of {@code cache_provider}, {@code jndi:<name>}
     * @param name     the JNDI name in it
     * @return the message for a {@code jndi:} provider with no JCache provider bound at its name
     */
    static String nothingBound(String provider, String name) {
        return "cache_provider = \"" + provider + "\": no JCache CachingProvider is bound in JNDI at " + name
                + " (leave cache_provider out on Payara, which binds its own at payara/CachingProvider)";
    }

    /**
     * @param provider     the value of {@code cache_provider}, {@code jndi:<name>}
     * @param name         the JNDI name in it
     * @param found        the class of what is bound there
     * @param ofAnotherApi whether that class is a {@code CachingProvider} of another copy of the JCache API
     * @return the message for a {@code jndi:} provider whose name holds something else than a JCache provider
     */
    static String notAProvider(String provider, String name, String found, boolean ofAnotherApi) {
        return "cache_provider = \"" + provider + "\": JNDI holds a " + found + " at " + name + ", not a "
                + "javax.cache.spi.CachingProvider. " + (ofAnotherApi ? anotherApi() : "Give the name the server binds"
                + " its JCache CachingProvider at, or the provider's class name instead of jndi:<name>, or leave"
                + " cache_provider out on Payara, which binds its own at payara/CachingProvider");
    }

    /**
     * @param cache        the cache that asked first ({@code cache_name}, {@code cdi-connections.<connection>}
     *                     by default), or null when unknown
     * @param name         Payara's JNDI name of its provider
     * @param found        the class of what is bound there
     * @param ofAnotherApi whether that class is a {@code CachingProvider} of another copy of the JCache API
     * @return the warning, logged once, for something else than a JCache provider at Payara's name
     */
    static String notAProviderAtPayarasName(String cache, String name, String found, boolean ofAnotherApi) {
        return "cache = \"jcache\" without cache_provider" + (cache == null ? "" : " (cache " + cache
                + ", and every later one without cache_provider)") + ": JNDI holds a " + found + " at " + name
                + ", not a javax.cache.spi.CachingProvider, so the only JCache provider on the class path is used"
                + " instead (on Payara, a Hazelcast member of its own rather than the server's). " + (ofAnotherApi
                ? anotherApi() : "Set cache_provider to the provider's class name, or to jndi:<name> of the one the"
                + " server binds");
    }

    private static String anotherApi() {
        return "It is a CachingProvider of another copy of the JCache API: the application carries its own"
                + " javax.cache:cache-api jar; leave it out of the application (Maven scope provided) to use the server's";
    }

    /**
     * @param scheme the URL scheme of the JNDI name in {@code cache_provider}
     * @return the message refusing a {@code jndi:} provider outside the server's own naming context
     */
    static String notLocal(String scheme) {
        return "cache_provider = \"jndi:" + scheme + ":...\": only a name in the server's own naming context is looked"
                + " up (java:global/..., java:app/..., or a name without a scheme such as payara/CachingProvider);"
                + " a " + scheme + ": URL would send the lookup to another machine, whose answer JNDI may turn into"
                + " code. Bind the provider in the server and give its name";
    }
}
