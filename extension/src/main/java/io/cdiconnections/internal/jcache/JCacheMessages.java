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
