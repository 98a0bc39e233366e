package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * While the system behind a connection is down, threads that wait for one thread's connect share
 * its failure instead of each connecting in turn: a call's wait does not grow with the number of
 * request threads.
 */
class ConnectFailureSharingTest {

    /** A system that takes 300 ms to refuse each connect, as a pool's fail-fast check does. */
    static final class Down extends BaseConnection<Object> {
        final AtomicInteger connects = new AtomicInteger();

        Down() {
            super(ConnectionContext.of("down", Map.of()));
        }

        @Override
        protected Object connect(ConnectionParameters params) throws Exception {
            connects.incrementAndGet();
            Thread.sleep(300);
            throw new ConnectionUnavailableException("Connection 'down': refused");
        }
    }

    @Test
    void threadsWaitingForAFailingConnectShareItsFailure() throws Exception {
        Down down = new Down();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> calls = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            calls.add(threads.submit(() -> {
                start.await();
                try {
                    down.raw();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }));
        }
        start.countDown();
        for (Future<Throwable> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessage("Connection 'down': refused");
        }
        threads.shutdown();

        // 16 threads each connecting in turn would make 16 connects (and wait 16 x 300 ms)
        assertThat(down.connects.get()).as("connects for 16 threads arriving together").isLessThanOrEqualTo(2);
    }

    @Test
    void aLaterCallTriesAgainItself() {
        Down down = new Down();
        for (int i = 1; i <= 3; i++) {
            try {
                down.raw();
            } catch (ConnectionUnavailableException e) {
                assertThat(down.connects.get()).isEqualTo(i);
            }
        }
    }
}
