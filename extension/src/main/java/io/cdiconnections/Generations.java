package io.cdiconnections;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.ReentrantLock;

import io.cdiconnections.internal.Redaction;
import io.cdiconnections.internal.Telemetry;

/**
 * The raw instances of one {@link BaseConnection}, one generation at a time: connects once even
 * under contention, hands out holds on the current instance, swaps it out when it is retired, and
 * closes each retired instance when its last holder lets go. It also keeps the connect failures:
 * the one shared with the threads that waited for it, and the last one, for health checks.
 *
 * @param <R> the type of the raw instance
 */
final class Generations<R> {

    // the logger users already configure: these records have always come from BaseConnection
    private static final System.Logger LOG = System.getLogger(BaseConnection.class.getName());

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Generations, Generation> CURRENT =
            AtomicReferenceFieldUpdater.newUpdater(Generations.class, Generation.class, "current");

    private final BaseConnection<R> owner;
    private final ConnectionLifecycle lifecycle;
    private final ReentrantLock connectLock = new ReentrantLock();
    private volatile Generation<R> current;
    private volatile boolean closed;
    /**
     * Counts resets and the close: a connect that sees it change while it ran made its instance
     * from what may now be stale (a password since changed, a handle since closed), so that
     * instance is retired at once instead of staying current.
     */
    private final AtomicLong resets = new AtomicLong();
    /** Connects that failed so far, and the last failure: shared with the threads that waited for it. */
    private volatile long failedConnects;
    private volatile ConnectionUnavailableException lastConnectFailure;
    /** The failure of the last attempt to connect, until a connect succeeds or a reset: for health checks. */
    private volatile ConnectionException lastFailure;

    /**
     * @param owner     the handle whose {@code connect}, {@code retired} and {@code close} hooks run
     * @param lifecycle the hooks of the handle's owner
     */
    Generations(BaseConnection<R> owner, ConnectionLifecycle lifecycle) {
        this.owner = owner;
        this.lifecycle = lifecycle;
    }

    /**
     * @return a hold on the current raw instance, connecting first if there is none; release it
     * @throws ConnectionClosedException      when the handle was closed
     * @throws ConnectionUnavailableException when connecting fails
     */
    Generation<R> acquire() {
        for (;;) {
            if (closed) {
                throw new ConnectionClosedException(ConnectionMessages.connectionClosed(owner));
            }
            Generation<R> g = current;
            if (g == null) {
                g = connectOnce();
            }
            if (g.tryAcquire()) {
                lifecycle.used(owner);
                return g;
            }
            // lost a race with retirement: the next round sees the new state
        }
    }

    /** @return a hold on the current raw instance, or null when there is none; release it */
    Generation<R> acquireCurrent() {
        Generation<R> g = current;
        return g != null && g.tryAcquire() ? g : null;
    }

    /** Forgets the last failure and retires the current raw instance, if any. */
    void reset() {
        if (!closed) {
            Telemetry.current().reset(owner.name(), owner.getClass());
        }
        lastFailure = null;
        resets.incrementAndGet(); // before reading current: a connect in flight sees one or the other
        Generation<R> g = current;
        if (g != null) {
            retire(g);
        }
    }

    /** Refuses every later hold; the caller retires the current raw instance. */
    void markClosed() {
        closed = true;
        resets.incrementAndGet();
    }

    boolean isClosed() {
        return closed;
    }

    boolean isConnected() {
        return current != null;
    }

    ConnectionException lastFailure() {
        return lastFailure;
    }

    /**
     * Connects, once even under contention. A thread that waited while another thread's connect
     * failed gets that failure instead of trying again itself: otherwise, while the system is down,
     * N waiting threads would each wait for N connects one after the other.
     *
     * <p>A close, reset or change of secrets that arrives while the connect runs wins over it: the
     * new instance is published and then, seeing the count of resets moved, retired at once (so
     * closed, as no use holds it yet). Whichever of the two sides runs second sees the other's
     * write, as each writes its own volatile field before it reads the other's. {@link #acquire()}
     * then finds no live instance and throws that the handle is closed, or connects again with
     * the parameters as they are now.
     */
    private Generation<R> connectOnce() {
        long failedBefore = failedConnects;
        connectLock.lock();
        try {
            Generation<R> g = current;
            if (g != null) {
                return g;
            }
            if (closed) {
                throw new ConnectionClosedException(ConnectionMessages.connectionClosed(owner));
            }
            ConnectionUnavailableException shared = lastConnectFailure;
            if (shared != null && failedConnects != failedBefore) {
                // a new exception per thread: one instance thrown in many threads would collect their suppressed ones
                throw new ConnectionUnavailableException(shared.getMessage(), shared);
            }
            long resetsBefore = resets.get();
            try {
                g = new Generation<>(this, createRaw());
            } catch (ConnectionUnavailableException e) {
                lastConnectFailure = e;
                lastFailure = e;
                failedConnects = failedConnects + 1; // under the lock
                throw e;
            } catch (ConnectionException e) {
                lastFailure = e;
                throw e;
            }
            lastConnectFailure = null;
            lastFailure = null;
            current = g;
            lifecycle.connected(owner, g);
            if (closed || resets.get() != resetsBefore) {
                retire(g);
            }
            return g;
        } finally {
            connectLock.unlock();
        }
    }

    /** Connects in a span (the connect metrics too), whose failure shows the message of what is thrown: redacted. */
    private R createRaw() {
        Telemetry.Span span = Telemetry.current().connect(owner.name(), owner.getClass());
        try {
            return connectRaw();
        } catch (RuntimeException | Error e) {
            if (span != Telemetry.Span.NONE) { // the message is read again only for a span that records it
                span.fail(e instanceof ConnectionException ? redacted(e.getMessage()) : null, e);
            }
            throw e;
        } finally {
            span.end();
        }
    }

    /** A connect failure's message, masked again: a type's own ConnectionException may quote a value. */
    private String redacted(String message) {
        try {
            return owner.parameters().redact(String.valueOf(message));
        } catch (RuntimeException e) {
            return null; // the parameters cannot be read: no message rather than one that may hold a value
        }
    }

    private R connectRaw() {
        ConnectionParameters params = owner.parameters();
        R raw;
        try {
            raw = owner.connect(params);
        } catch (ConnectionException e) {
            throw e;
        } catch (Exception e) {
            throw new ConnectionUnavailableException(
                    ConnectionMessages.connectFailed(owner, params.redact(String.valueOf(e.getMessage())), e),
                    Redaction.scrub(e, params.asMap()));
        }
        if (raw == null) {
            throw new ConnectionException(ConnectionMessages.connectReturnedNull(owner));
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    private void retire(Generation<R> g) {
        if (CURRENT.compareAndSet(this, g, null)) {
            lifecycle.retired(owner, g);
            try {
                owner.retired(g.raw);
            } finally {
                g.release();
            }
        }
    }

    private void closeRaw(R raw) {
        try {
            owner.close(raw);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, ConnectionMessages.closeFailed(owner, e));
        }
    }

    /**
     * One raw instance and the count of its holders: the handle (while it is current) and each
     * use in flight. The last holder to let go closes it.
     *
     * @param <R> the type of the raw instance
     */
    static final class Generation<R> implements ConnectionLifecycle.RawInstance {
        private final Generations<R> generations;
        private final R raw;
        private final Instant createdAt = Instant.now();
        private final AtomicInteger holders = new AtomicInteger(1);

        private Generation(Generations<R> generations, R raw) {
            this.generations = generations;
            this.raw = raw;
        }

        /** @return the raw instance */
        R raw() {
            return raw;
        }

        private boolean tryAcquire() {
            for (;;) {
                int h = holders.get();
                if (h == 0) {
                    return false;
                }
                if (holders.compareAndSet(h, h + 1)) {
                    return true;
                }
            }
        }

        /** Lets go of one hold; the last one closes the raw instance. */
        void release() {
            if (holders.decrementAndGet() == 0) {
                generations.closeRaw(raw);
            }
        }

        @Override
        public void retire() {
            generations.retire(this);
        }

        @Override
        public Instant createdAt() {
            return createdAt;
        }

        @Override
        public String toString() {
            return "RawInstance[" + generations.owner.name() + ", created " + createdAt + "]";
        }
    }
}
