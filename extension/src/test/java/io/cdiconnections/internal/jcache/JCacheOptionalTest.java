package io.cdiconnections.internal.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.WithoutJars;

/**
 * JCache is optional: without {@code javax.cache} on the class path the result cache works in
 * this JVM and no class of ours for JCache is loaded; asking for {@code cache = "jcache"} there is
 * a configuration error that says what to add.
 */
class JCacheOptionalTest {

    @Test
    void withoutTheApiResultsAreCachedLocallyAndAskingForJCacheSaysWhatToAdd() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (WithoutJars loader = WithoutJars.excluding("cache-api", "hazelcast")) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(() -> loader.loadClass("javax.cache.Caching")).isInstanceOf(ClassNotFoundException.class);
            Class<?> context = loader.loadClass("io.cdiconnections.ConnectionContext");
            Class<?> sqlConnection = loader.loadClass("io.cdiconnections.sql.SQLConnection");
            Class<?> options = loader.loadClass("io.cdiconnections.sql.QueryOptions");
            Object ttl = options.getMethod("ttl", Duration.class).invoke(options.getMethod("defaults").invoke(null),
                    Duration.ofMinutes(1));

            Object ctx = context.getMethod("of", String.class, Map.class).invoke(null, "local",
                    Map.of("url", "jdbc:h2:mem:jcache_absent;DB_CLOSE_DELAY=-1"));
            Object sql = sqlConnection.getConstructor(context).newInstance(ctx);
            try {
                Object first = sqlConnection.getMethod("query", String.class, options).invoke(sql, "select rand() r", ttl);
                Object second = sqlConnection.getMethod("query", String.class, options).invoke(sql, "select rand() r", ttl);
                assertThat(second).as("cached in this JVM").isSameAs(first);
            } finally {
                sqlConnection.getMethod("close").invoke(sql);
            }

            Object jcacheCtx = context.getMethod("of", String.class, Map.class).invoke(null, "shared",
                    Map.of("url", "jdbc:h2:mem:jcache_absent;DB_CLOSE_DELAY=-1", "cache", "jcache"));
            Object shared = sqlConnection.getConstructor(context).newInstance(jcacheCtx);
            try {
                assertThatThrownBy(() -> invoke(() -> sqlConnection.getMethod("query", String.class).invoke(shared,
                        "select 1"))).hasMessageContaining("cache = \"jcache\"").hasMessageContaining("[connections.shared]")
                        .hasMessageContaining("javax.cache:cache-api")
                        .satisfies(e -> assertThat(e.getClass().getName())
                                .isEqualTo("io.cdiconnections.ConnectionConfigException"));
            } finally {
                sqlConnection.getMethod("close").invoke(shared);
            }
            assertThat(loader.loaded).contains("io.cdiconnections.sql.CacheSettings")
                    .noneMatch(n -> n.startsWith("io.cdiconnections.internal.jcache."));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Calls by reflection and throws what the method threw. */
    private static void invoke(ReflectiveCall call) throws Throwable {
        try {
            call.run();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        void run() throws Exception;
    }
}
