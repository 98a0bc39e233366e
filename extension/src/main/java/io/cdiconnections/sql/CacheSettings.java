package io.cdiconnections.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.internal.Redaction;

/**
 * Where a connection keeps its cached results, read at each connect: {@code cache} ({@code "local"},
 * the default: this JVM; {@code "jcache"}: a JCache cache every instance shares),
 * {@code cache_provider} (the JCache {@code CachingProvider} class; the only one present by
 * default), {@code cache_uri} (the provider's default) and {@code cache_name}
 * ({@code cdi-connections.<name>}). Each key can come from the environment like any other.
 *
 * @param shared      whether results go to a shared JCache cache
 * @param provider    {@code cache_provider}, or null
 * @param uri         {@code cache_uri}, or null
 * @param name        {@code cache_name}
 * @param fingerprint a hash of the connection's name and every parameter but its secret values:
 *                    shared entries are keyed by it, so instances with another configuration, or
 *                    this one after a change, never read them; a secret (a password, a key, a
 *                    URL's password) never enters it, so keys read off the grid give nothing to
 *                    guess a password against offline
 */
record CacheSettings(boolean shared, String provider, String uri, String name, String fingerprint) {

    /** The keys this reads. */
    static final java.util.Set<String> KEYS = java.util.Set.of("cache", "cache_provider", "cache_uri", "cache_name");

    static final CacheSettings LOCAL = new CacheSettings(false, null, null, null, "");

    /** A class of the JCache API, needed for {@code cache = "jcache"}. */
    private static final String JCACHE_API = "javax.cache.Caching";

    /**
     * @param p the connection's parameters
     * @return its cache settings
     * @throws ConnectionConfigException naming {@code cache} when its value is unknown, or when it
     *                                   says {@code "jcache"} and the JCache API is absent
     */
    static CacheSettings from(ConnectionParameters p) {
        String kind = p.get("cache").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("local");
        String connection = p.connectionName();
        switch (kind) {
            case "local", "" -> {
                return LOCAL;
            }
            case "jcache" -> {
                requireJCache(connection);
                return new CacheSettings(true, p.get("cache_provider").map(String::trim).orElse(null),
                        p.get("cache_uri").map(String::trim).orElse(null),
                        p.get("cache_name").map(String::trim).orElse("cdi-connections." + connection),
                        fingerprint(connection, p.asMap()));
            }
            default -> throw new ConnectionConfigException(CacheMessages.unknownCache(connection, p.get("cache").get()));
        }
    }

    private static void requireJCache(String connection) {
        try {
            Class.forName(JCACHE_API, false, CacheSettings.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConnectionConfigException(CacheMessages.jcacheAbsent(connection));
        }
    }

    /**
     * SHA-256 of the name and every key and value, sorted: 16 bytes of it, in hex. A secret key's
     * value and the secret places of URLs ({@link Redaction#url}) are left out: a password
     * changed alone reaches the same database as the same user, whose results are the same, and
     * a hash of a password on a shared grid could be attacked offline.
     */
    static String fingerprint(String connection, Map<String, String> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(connection.getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(values).forEach((k, v) -> {
                sha.update((byte) 0);
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 1);
                String kept = Redaction.isSecretKey(k) ? Redaction.MASK : Redaction.url(String.valueOf(v));
                sha.update(kept.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() { // the fingerprint is not a secret, but nothing gains by showing it
        return shared ? "jcache " + name + (uri == null ? "" : " at " + uri) : "local";
    }
}
