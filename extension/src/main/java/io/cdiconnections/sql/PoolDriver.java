package io.cdiconnections.sql;

import java.lang.ref.WeakReference;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether the results read from a raw instance (a pool) are pgjdbc's ({@link ResultMapper#pgjdbc}),
 * decided on the first result read from it and kept while the handle reads from that raw instance:
 * a typed read then costs an identity comparison, not an {@code unwrap} through the pool's wrapper
 * and a class-name test per query. A raw instance holds one database, so its driver never changes;
 * a reset or ttl expiry brings a new raw instance, decided anew. Only the last raw instance is kept,
 * weakly: a retired pool is not held here. Thread-safe; two threads may both decide, alike.
 */
final class PoolDriver {

    /** The decision for one raw instance. */
    private record Decided(WeakReference<Object> raw, boolean pgjdbc) {
    }

    private final Predicate<ResultSet> decide;
    private volatile Decided last;

    /** Decides by {@link ResultMapper#pgjdbc(ResultSet)}. */
    PoolDriver() {
        this(ResultMapper::pgjdbc);
    }

    /** @param decide whether a result set is pgjdbc's, asked once per raw instance */
    PoolDriver(Predicate<ResultSet> decide) {
        this.decide = Objects.requireNonNull(decide, "decide");
    }

    /**
     * @param raw the raw instance the result was read from
     * @param rs  the result, asked only when {@code raw} is not the raw instance decided last
     * @return whether the raw instance's results are pgjdbc's
     */
    boolean pgjdbc(Object raw, ResultSet rs) {
        Decided d = last;
        if (d == null || d.raw().get() != raw) {
            d = new Decided(new WeakReference<>(raw), decide.test(rs));
            last = d;
        }
        return d.pgjdbc();
    }
}
