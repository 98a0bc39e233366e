package io.cdiconnections.examples.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.Connections;

/**
 * RedisConnection's own methods against the Redis server at 127.0.0.1:6379, configured by
 * {@code [connections.cache]} of the test class path's .streamlit/secrets.toml (database 9).
 */
class RedisConnectionTest {

    private final String prefix = "redis-connection-test:" + UUID.randomUUID() + ":";
    private final RedisConnection cache = Connections.get("cache", RedisConnection.class);

    @AfterEach
    void deleteTestKeys() {
        cache.delete(cache.use(redis -> redis.sync().keys(prefix + "*")).toArray(String[]::new));
    }

    @Test
    void typeComesFromTheTypeKeyOfTheSection() {
        BaseConnection<?> byName = Connections.get("cache");
        assertThat(byName).isSameAs(cache);
        assertThat(cache.ping()).isEqualTo("PONG");
    }

    @Test
    void setThenGetReturnsTheValue() {
        cache.set(prefix + "greeting", "hello");
        assertThat(cache.get(prefix + "greeting")).contains("hello");
        assertThat(cache.get(prefix + "missing")).isEmpty();
        assertThat(cache.expiry(prefix + "greeting")).as("no expiry").isEmpty();
    }

    @Test
    void aValueSetWithAnExpiryIsGoneAfterIt() throws Exception {
        cache.set(prefix + "short", "lived", Duration.ofMillis(300));
        assertThat(cache.expiry(prefix + "short")).hasValueSatisfying(d -> assertThat(d).isPositive()
                .isLessThanOrEqualTo(Duration.ofMillis(300)));
        Thread.sleep(600);
        assertThat(cache.get(prefix + "short")).isEmpty();
        assertThatThrownBy(() -> cache.set(prefix + "x", "y", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incrementCountsFromZeroAndDeleteCountsWhatExisted() {
        assertThat(cache.increment(prefix + "visits")).isOne();
        assertThat(cache.increment(prefix + "visits")).isEqualTo(2);
        assertThat(cache.delete(prefix + "visits", prefix + "missing")).isOne();
        assertThat(cache.delete()).isZero();
    }

    @Test
    void useReachesEverythingLettuceCanDo() {
        cache.use(redis -> redis.sync().hset(prefix + "user", Map.of("name", "Ada", "lang", "en")));
        Map<String, String> user = cache.use(redis -> redis.sync().hgetall(prefix + "user"));
        assertThat(user).containsEntry("name", "Ada").hasSize(2);
    }

    @Test
    void hostPortAndDatabaseKeysSelectTheDatabase() {
        RedisConnection db10 = Connections.builder("cache_parts").type(RedisConnection.class)
                .options(Map.of("host", "127.0.0.1", "port", "6379", "database", "10")).get(RedisConnection.class);
        try {
            db10.set(prefix + "where", "ten");
            assertThat(db10.get(prefix + "where")).contains("ten");
            assertThat(cache.get(prefix + "where")).as("database 9").isEmpty();
        } finally {
            db10.delete(prefix + "where");
        }
    }

    @Test
    void aWrongUserAndPasswordFailWithoutShowingThePassword() {
        RedisConnection withPassword = Connections.builder("cache_password").type(RedisConnection.class)
                .options(Map.of("host", "127.0.0.1", "username", "nobody", "password", "hunter2-planted", "timeout", "PT5S"))
                .get(RedisConnection.class);
        assertThatThrownBy(withPassword::ping).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("cache_password").hasMessageNotContaining("hunter2-planted");
    }

    @Test
    void aMalformedUrlFailsTheConfigurationCheckWithoutShowingThePassword() {
        RedisConnection bad = Connections.builder("cache_bad_url").type(RedisConnection.class)
                .option("url", "redis://:hunter2-planted@127.0.0.1:6379/not-a-number").get(RedisConnection.class);
        assertThatThrownBy(bad::checkConfiguration).isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("cache_bad_url").hasMessageContaining("redis://[[username]:password@]host")
                .hasMessageNotContaining("hunter2-planted");
    }

    @Test
    void neitherUrlNorHostFailsTheConfigurationCheckSayingWhatToWrite() {
        RedisConnection empty = Connections.builder("cache_unset").type(RedisConnection.class).get(RedisConnection.class);
        assertThatThrownBy(empty::checkConfiguration).isInstanceOf(ConnectionConfigException.class)
                .hasMessageContaining("needs url or host").hasMessageContaining("[connections.cache_unset]");
    }
}
