package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A close, a reset or a change of secrets that arrives while the first connect is in flight wins
 * over it: the instance that connect makes is closed, never left behind as the current one (the
 * review saw a closed handle's query succeed and its pool of 10 sessions live on for the life of
 * the JVM, and a reset during a connect lost, so the pool stayed on the old password).
 */
class ConnectRaceTest {

    /** A raw instance: which connect made it and whether it was closed. */
    static final class Raw {
        final int number;
        volatile boolean closed;

        Raw(int number) {
            this.number = number;
        }
    }

    /** Its first connect waits until the test lets it go; later ones return at once. */
    static final class Gated extends BaseConnection<Raw> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger connects = new AtomicInteger();
        final List<Raw> made = new CopyOnWriteArrayList<>();

        Gated() {
            super(ConnectionContext.of("gated", Map.of()));
        }

        @Override
        protected Raw connect(ConnectionParameters params) throws Exception {
            int n = connects.incrementAndGet();
            if (n == 1) {
                entered.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).as("the test let the connect go").isTrue();
            }
            Raw raw = new Raw(n);
            made.add(raw);
            return raw;
        }

        @Override
        protected void close(Raw raw) {
            raw.closed = true;
        }

        int numberOfTheInstanceUsed() {
            return use(raw -> raw.number);
        }
    }

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        caller.shutdownNow();
    }

    @Test
    void aCloseDuringTheFirstConnectClosesTheInstanceItMakesAndTheCallFails() throws Exception {
        Gated gated = new Gated();
        Future<Integer> call = caller.submit(gated::numberOfTheInstanceUsed);
        assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();

        gated.close();
        gated.release.countDown();

        assertThat(outcome(call)).isInstanceOf(ConnectionClosedException.class);
        assertThat(gated.made).hasSize(1);
        assertThat(gated.made.get(0).closed).as("the instance the connect made").isTrue();
        assertThat(gated.isConnected()).isFalse();
    }

    @Test
    void aResetDuringTheFirstConnectRetiresItsInstanceAndTheCallConnectsAgain() throws Exception {
        Gated gated = new Gated();
        Future<Integer> call = caller.submit(gated::numberOfTheInstanceUsed);
        assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();

        gated.reset(); // what a change of this connection's secrets does
        gated.release.countDown();

        assertThat(outcome(call)).as("the instance the call used").isEqualTo(2);
        assertThat(gated.made).hasSize(2);
        assertThat(gated.made.get(0).closed).as("the instance made before the reset").isTrue();
        assertThat(gated.made.get(1).closed).as("the instance made after it").isFalse();
        assertThat(gated.numberOfTheInstanceUsed()).as("the current instance").isEqualTo(2);
        gated.close();
        assertThat(gated.made.get(1).closed).isTrue();
    }

    private static Object outcome(Future<Integer> call) throws InterruptedException {
        try {
            return call.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not end", e);
        }
    }
}
