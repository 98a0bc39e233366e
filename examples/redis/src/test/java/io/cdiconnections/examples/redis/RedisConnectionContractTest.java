package io.cdiconnections.examples.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.cdiconnections.tck.ConnectionContract;
import io.cdiconnections.tck.Section;
import io.lettuce.core.api.StatefulRedisConnection;

/** RedisConnection keeps the connection contract, against the Redis server at 127.0.0.1:6379. */
class RedisConnectionContractTest extends ConnectionContract<RedisConnection, StatefulRedisConnection<String, String>> {

    @Override
    protected Class<RedisConnection> connectionClass() {
        return RedisConnection.class;
    }

    @Override
    protected Section workingSection() {
        return Section.toml("""
                host = "127.0.0.1"
                port = 6379
                database = 9
                timeout = 5
                """);
    }

    @Override
    protected Section wrongSection(String secret) {
        // nothing listens on port 1
        return Section.of(Map.of("host", "127.0.0.1", "port", 1, "database", 9, "timeout", 5, "password", secret));
    }

    @Override
    protected boolean isClosed(StatefulRedisConnection<String, String> raw) {
        return !raw.isOpen();
    }

    @Override
    protected void exercise(StatefulRedisConnection<String, String> raw) {
        assertThat(raw.sync().ping()).isEqualTo("PONG");
    }
}
