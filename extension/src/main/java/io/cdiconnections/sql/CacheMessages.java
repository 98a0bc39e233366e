package io.cdiconnections.sql;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of the result cache's settings and of a shared cache that fails. Each names the
 * connection and the key, and says what to do; none contains a parameter value but {@code cache}'s.
 */
final class CacheMessages {

    private CacheMessages() {
    }

    /**
     * @param connection the connection name
     * @param value      the value of {@code cache}
     * @return the message for a {@code cache} value that is neither {@code local} nor {@code jcache}
     */
    static String unknownCache(String connection, String value) {
        return "Connection '" + connection + "': cache = \"" + value + "\" in the " + SecretsReader.section(connection)
                + " section of secrets.toml (or " + SecretsReader.environmentVariable(connection, "cache")
                + ") is not a result cache; write \"local\" (this JVM, the default) or \"jcache\" (a JCache cache "
                + "every instance shares, docs/clustering.md).";
    }

    /**
     * @param connection the connection name
     * @return the message for {@code cache = "jcache"} without the JCache API on the class path
     */
    static String jcacheAbsent(String connection) {
        return "Connection '" + connection + "': cache = \"jcache\" in the " + SecretsReader.section(connection)
                + " section needs the JCache API (javax.cache:cache-api) and a provider such as Hazelcast on the "
                + "class path; Payara has both, elsewhere add them to the application, or remove the key to cache "
                + "in this JVM (docs/clustering.md).";
    }

    /**
     * @param connection the connection name
     * @param cache      the cache name and URI
     * @param cause      the provider's failure
     * @return the message, logged once, for a shared cache that failed: queries go to the database
     */
    static String sharedCacheFailed(String connection, String cache, String cause) {
        return "Connection '" + connection + "': the shared result cache (" + cache + ") failed: " + cause
                + ". Queries run on the database until it answers again (tried again every 10 s); check the "
                + "data grid, and cache_provider, cache_uri and cache_name in the " + SecretsReader.section(connection)
                + " section. Logged once; later failures are counted.";
    }

    /**
     * @param connection the connection name
     * @param cache      the cache name
     * @param cause      why the entry could not be read
     * @return the message, logged once, for an entry that is not a table this release reads
     */
    static String sharedEntryUnreadable(String connection, String cache, String cause) {
        return "Connection '" + connection + "': an entry of the shared result cache " + cache
                + " could not be read (" + cause + "); the query ran on the database and replaced it. "
                + "Instances of another release of cdi-connections sharing the cache do this; give each release "
                + "its own cache_name. Logged once.";
    }
}
