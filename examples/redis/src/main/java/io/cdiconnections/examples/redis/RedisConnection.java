package io.cdiconnections.examples.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A Redis connection: the worked example of a custom connection type
 * (docs/custom-connections.md). The raw instance is one Lettuce
 * {@link StatefulRedisConnection}, which is thread-safe and meant to be shared by every thread of
 * an application, so one per handle is all a server needs.
 *
 * <pre>{@code
 * # secrets.toml
 * [connections.cache]
 * type = "io.cdiconnections.examples.redis.RedisConnection"
 * url = "redis://localhost:6379/0"          # or host, port, username, password, database, ssl
 * timeout = 5                               # seconds or ISO-8601, for connecting and for each command
 * }</pre>
 *
 * <pre>{@code
 * @Inject @Connection(name = "cache") RedisConnection cache;
 *
 * cache.set("greeting", "hello", Duration.ofMinutes(5));
 * Optional<String> greeting = cache.get("greeting");
 * long members = cache.use(redis -> redis.sync().scard("online"));   // anything else Lettuce can do
 * }</pre>
 */
public class RedisConnection extends BaseConnection<StatefulRedisConnection<String, String>> {

    /** The keys of {@code [connections.<name>]} this type reads. */
    static final Set<String> KEYS = Set.of("url", "host", "port", "username", "password", "database", "ssl", "timeout");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /** The client each live connection came from: its event loops go when the connection does. */
    private final Map<StatefulRedisConnection<String, String>, RedisClient> clients = new ConcurrentHashMap<>();

    /**
     * @param context the name, options and owner of this handle
     */
    public RedisConnection(ConnectionContext context) {
        super(context);
    }

    /** For CDI client proxies. */
    protected RedisConnection() {
    }

    @Override
    protected Set<String> knownKeys() {
        return KEYS;
    }

    @Override
    protected void validate(ConnectionParameters params) {
        redisUri(params);
    }

    @Override
    protected StatefulRedisConnection<String, String> connect(ConnectionParameters params) {
        RedisURI uri = redisUri(params);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(uri.getTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(uri.getTimeout()))
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            clients.put(connection, client);
            return connection;
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
            throw e;
        }
    }

    @Override
    protected void close(StatefulRedisConnection<String, String> raw) {
        try {
            raw.close();
        } finally {
            RedisClient client = clients.remove(raw);
            if (client != null) {
                client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
            }
        }
    }

    /**
     * <pre>{@code
     * String name = cache.get("user:42:name").orElse("anonymous");
     * }</pre>
     *
     * @param key the key
     * @return its value, empty when the key does not exist
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(use(redis -> redis.sync().get(key)));
    }

    /**
     * Sets a value that stays until it is deleted or overwritten.
     *
     * @param key   the key
     * @param value the value
     */
    public void set(String key, String value) {
        use(redis -> redis.sync().set(key, value));
    }

    /**
     * Sets a value that Redis deletes after {@code expiry}.
     *
     * <pre>{@code
     * cache.set("session:" + id, json, Duration.ofMinutes(30));
     * }</pre>
     *
     * @param key    the key
     * @param value  the value
     * @param expiry how long the value lives, at least one millisecond
     */
    public void set(String key, String value, Duration expiry) {
        if (expiry.toMillis() < 1) {
            throw new IllegalArgumentException("expiry must be at least 1 ms, was " + expiry);
        }
        use(redis -> redis.sync().set(key, value, SetArgs.Builder.px(expiry.toMillis())));
    }

    /**
     * @param key the key
     * @return how long until the key expires; empty when it does not exist or never expires
     */
    public Optional<Duration> expiry(String key) {
        long millis = use(redis -> redis.sync().pttl(key));
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    /**
     * Adds one to a counter, creating it at 0 first.
     *
     * <pre>{@code
     * long visits = cache.increment("visits:" + page);
     * }</pre>
     *
     * @param key the key of the counter
     * @return the new value
     */
    public long increment(String key) {
        return use(redis -> redis.sync().incr(key));
    }

    /**
     * @param keys the keys to delete
     * @return how many of them existed
     */
    public long delete(String... keys) {
        return keys.length == 0 ? 0 : use(redis -> redis.sync().del(keys));
    }

    /** @return {@code PONG}, from the server */
    public String ping() {
        return use(redis -> redis.sync().ping());
    }

    /**
     * The server address of the parameters, without connecting: {@code url} when it is set,
     * otherwise {@code host} (required), {@code port}, {@code username}, {@code password},
     * {@code database} and {@code ssl}; {@code timeout} either way.
     */
    static RedisURI redisUri(ConnectionParameters params) {
        RedisURI uri = params.get("url").map(url -> parseUrl(params, url)).orElseGet(() -> fromParts(params));
        uri.setTimeout(params.getDuration("timeout").orElse(DEFAULT_TIMEOUT));
        return uri;
    }

    private static RedisURI parseUrl(ConnectionParameters params, String url) {
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new ConnectionConfigException("Connection '" + params.connectionName() + "': url is not a Redis URL ("
                    + params.redact(String.valueOf(e.getMessage())) + "). Write it as "
                    + "redis://[[username]:password@]host[:port][/database], or rediss:// for TLS.");
        }
    }

    private static RedisURI fromParts(ConnectionParameters params) {
        if (params.get("host").isEmpty()) {
            throw new ConnectionConfigException("Connection '" + params.connectionName() + "' needs url or host. Set one in "
                    + "[connections." + params.connectionName() + "] of secrets.toml, for example "
                    + "url = \"redis://localhost:6379/0\", or give it as an option in code.");
        }
        RedisURI.Builder b = RedisURI.Builder.redis(params.require("host"), params.getInt("port").orElse(RedisURI.DEFAULT_REDIS_PORT))
                .withDatabase(params.getInt("database").orElse(0))
                .withSsl(params.getBoolean("ssl").orElse(false));
        Optional<String> password = params.get("password");
        Optional<String> username = params.get("username");
        if (username.isPresent()) {
            b.withAuthentication(username.get(), password.orElse(""));
        } else {
            password.ifPresent(p -> b.withPassword(p.toCharArray()));
        }
        return b.build();
    }
}
