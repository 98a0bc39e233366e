package io.cdiconnections.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.registry.ConnectionRegistry;

/**
 * The moves the tests of one {@link ConnectionContract} run are made of: use a handle with real
 * work, hold a use in flight, wait for a close, start 32 first uses together. Bound to the
 * contract's hooks ({@code exercise}, {@code isClosed}, {@code patience}) and to the registry of
 * the current test.
 */
final class ContractSupport<C extends BaseConnection<R>, R> {

    private final ConnectionContract<C, R> contract;
    private final ConnectionRegistry registry;
    private final ClassLoader application;

    ContractSupport(ConnectionContract<C, R> contract, ConnectionRegistry registry, ClassLoader application) {
        this.contract = contract;
        this.registry = registry;
        this.application = application;
    }

    /** @return the working section's TOML, or nothing when there is none */
    static String working(ConnectionContract<?, ?> contract) {
        Section working = contract.workingSection();
        return working == null ? "" : working.toToml();
    }

    /** Skips the test when the contract has no server to connect to. */
    void assumeConnects() {
        assumeThat(contract.workingSection()).as("no workingSection(): nothing to connect to from these tests").isNotNull();
    }

    /** Connects (or reuses) and does real work; returns the raw instance used. */
    R works(C handle) throws Exception {
        assumeConnects();
        return handle.use(raw -> {
            contract.exercise(raw);
            return raw;
        });
    }

    /** As {@link #works}, when the contract has a server to connect to. */
    void worksIfItCan(C handle) throws Exception {
        if (contract.workingSection() != null) {
            works(handle);
        }
    }

    /** A use that holds the raw instance until finished, then does real work with it. */
    InFlight<R> startUse(C handle) throws InterruptedException {
        assumeConnects();
        return InFlight.start(handle, raw -> {
            contract.exercise(raw);
            return null;
        }, contract.patience());
    }

    void assertStaysOpenUntilTheUseEnds(InFlight<R> inFlight, String when) throws Exception {
        Thread.sleep(200);
        assertThat(contract.isClosed(inFlight.raw())).as("closed " + when + " while a use was still in flight on it")
                .isFalse();
        inFlight.finish(contract.patience());
        awaitClosed(inFlight.raw(), when + ", once the use in flight ended");
    }

    void awaitClosed(R raw, String when) throws InterruptedException {
        long waited = contract.patience().plus(ConnectionContract.TTL).toNanos();
        long deadline = System.nanoTime() + waited;
        while (!contract.isClosed(raw)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The raw instance was not closed " + when + " (waited "
                        + TimeUnit.NANOSECONDS.toSeconds(waited) + " s)");
            }
            Thread.sleep(20);
        }
    }

    /** Starts {@code threads} first uses of an unconnected handle at once; returns the raw instances they saw. */
    Set<R> concurrentFirstUses(C handle, int threads) throws Exception {
        assertThat(handle.isConnected()).isFalse();
        long patience = contract.patience().toMillis();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> uses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                uses.add(pool.submit(() -> {
                    start.await(patience, TimeUnit.MILLISECONDS);
                    return handle.use(raw -> raw);
                }));
            }
            Set<R> raws = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<R> use : uses) {
                raws.add(use.get(patience * 3, TimeUnit.MILLISECONDS));
            }
            works(handle);
            return raws;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The section as the registry reads it, flattened, without {@code type}. */
    Map<String, String> secretsOf(String name) {
        Class<C> type = contract.connectionClass();
        Map<String, String> values = new HashMap<>(Connections.boundTo(registry).named(name).type(type).get(type)
                .secrets().asMap());
        values.remove("type");
        return values;
    }

    /** Adds every {@code toString()} of a handle a user might print. */
    void describe(Leaks leaks, String when, C handle) {
        leaks.add("toString() " + when, handle.toString());
        leaks.add("context().toString() " + when, handle.context().toString());
        leaks.add("secrets().toString() " + when, handle.secrets().toString());
        leaks.add("parameters().toString() " + when, handle.parameters().toString());
    }

    /** Calls with the application's class loader as the context class loader: static {@code Connections} finds the registry. */
    <T> T inApplication(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
