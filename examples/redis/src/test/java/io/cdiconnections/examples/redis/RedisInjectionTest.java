package io.cdiconnections.examples.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.lettuce.core.api.StatefulRedisConnection;

/** {@code @Connection(name = "cache", type = "...RedisConnection")} injected by the CDI extension. */
class RedisInjectionTest {

    /** An application bean, as in docs/custom-connections.md. */
    @ApplicationScoped
    public static class VisitCounter {
        @Inject
        @Connection(name = "cache", type = "io.cdiconnections.examples.redis.RedisConnection")
        RedisConnection cache;

        long visit(String page) {
            long visits = cache.increment("visits:" + page);
            cache.use(redis -> redis.sync().pexpire("visits:" + page, Duration.ofMinutes(1).toMillis()));
            return visits;
        }

        RedisConnection cache() {
            return cache;
        }
    }

    @Test
    void injectedConnectionCountsVisitsInRedis() {
        String page = "injection-test-" + UUID.randomUUID();
        StatefulRedisConnection<String, String> raw;
        try (WeldContainer container = new Weld().disableDiscovery().addBeanClasses(VisitCounter.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            VisitCounter counter = container.select(VisitCounter.class).get();
            assertThat(counter.visit(page)).isOne();
            assertThat(counter.visit(page)).isEqualTo(2);
            RedisConnection cache = counter.cache();
            assertThat(cache.get("visits:" + page)).contains("2");
            cache.delete("visits:" + page);
            raw = cache.raw();
            assertThat(raw.isOpen()).isTrue();
        }
        assertThat(raw.isOpen()).as("closed when the container shut down").isFalse();
    }
}
