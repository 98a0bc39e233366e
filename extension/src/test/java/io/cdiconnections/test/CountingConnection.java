package io.cdiconnections.test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** A connection type whose raw instance counts connects and closes: the registry's test subject. */
public class CountingConnection extends BaseConnection<CountingConnection.Raw> {

    /** Raw instances made, in every test. */
    public static final AtomicInteger CONNECTS = new AtomicInteger();
    /** Raw instances closed, in every test. */
    public static final AtomicInteger CLOSES = new AtomicInteger();

    public CountingConnection(ConnectionContext context) {
        super(context);
    }

    protected CountingConnection() {
    }

    @Override
    protected Raw connect(ConnectionParameters params) throws Exception {
        String delay = params.get("connect_delay_ms").orElse("0");
        Thread.sleep(Long.parseLong(delay));
        CONNECTS.incrementAndGet();
        return new Raw(name(), params);
    }

    @Override
    protected Set<String> knownKeys() {
        return Set.of("host");
    }

    /**
     * @return this very handle, also when called through a client proxy (Weld's proxies replace a
     *         returned {@code this} by the proxy, so it comes wrapped)
     */
    public CountingConnection[] unwrap() {
        return new CountingConnection[] {this};
    }

    /** The raw instance: remembers its parameters, knows whether it was closed. */
    public static final class Raw implements AutoCloseable {
        public final String name;
        public final ConnectionParameters params;
        public volatile boolean closed;

        Raw(String name, ConnectionParameters params) {
            this.name = name;
            this.params = params;
        }

        @Override
        public void close() {
            closed = true;
            CLOSES.incrementAndGet();
        }
    }
}
