package io.cdiconnections.tck;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.RawFunction;

/**
 * A use of a connection that stays in flight until told to finish: it takes the raw instance,
 * waits, then does real work with it (the contract's {@code exercise}) before it ends. Shows that
 * a raw instance retired in the meantime is still open and working for the use that holds it.
 *
 * @param <R> the raw instance's type
 */
final class InFlight<R> {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private volatile R raw;

    private InFlight() {
    }

    /**
     * @param connection the handle
     * @param work       what to do with the raw instance once released
     * @param timeout    how long to wait for the use to start
     * @return the use, in flight
     */
    static <R> InFlight<R> start(BaseConnection<R> connection, RawFunction<R, Void, Exception> work, Duration timeout)
            throws InterruptedException {
        InFlight<R> f = new InFlight<>();
        Thread t = new Thread(() -> {
            try {
                f.result.complete(connection.use(r -> {
                    f.raw = r;
                    f.entered.countDown();
                    if (!f.release.await(5, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("never released");
                    }
                    work.apply(r);
                    return r;
                }));
            } catch (Throwable e) {
                f.result.completeExceptionally(e);
            } finally {
                f.entered.countDown();
            }
        }, "connection-contract-in-flight");
        t.setDaemon(true);
        t.start();
        if (!f.entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("A use of " + connection + " did not start within " + timeout.toSeconds() + " s");
        }
        if (f.result.isCompletedExceptionally()) {
            f.finish(timeout);
        }
        return f;
    }

    /** @return the raw instance the use holds */
    R raw() {
        return raw;
    }

    /**
     * Lets the use do its work and end.
     *
     * @return the raw instance it used
     * @throws AssertionError when the work failed
     */
    R finish(Duration timeout) throws InterruptedException {
        release.countDown();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The use in flight failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The use in flight did not end within " + timeout.toSeconds() + " s");
        }
    }
}
