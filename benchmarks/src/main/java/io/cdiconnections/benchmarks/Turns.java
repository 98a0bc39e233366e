package io.cdiconnections.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs several variants of one operation in turn, each timed into its own total, the order
 * rotating every call: the interleaved benchmarks' measurement. Variants that take turns within
 * microseconds share the machine's every moment, so the ratio of two totals over one iteration is
 * free of the drift between forks and iterations that hides a 5 % difference on a 2-core
 * machine. A JMH {@code @AuxCounters} state exposes the totals; {@code System.nanoTime} costs
 * about 25 ns a call, so a variant shorter than some microseconds repeats within its window.
 */
final class Turns {

    /** One variant: returns what it made, for the blackhole. */
    @FunctionalInterface
    interface Variant {
        Object run() throws Exception;
    }

    private final long[] nanos;
    private int turn;

    Turns(int variants) {
        nanos = new long[variants];
    }

    /**
     * Runs every variant {@code repeat} times in a row, one variant after another starting
     * from the next in rotation, and adds each one's time to its total.
     *
     * @param out      where the results go
     * @param repeat   the runs of each variant within its timed window, at least 1
     * @param variants the variants, in the order of the totals
     * @throws Exception when a variant fails
     */
    void take(Blackhole out, int repeat, Variant... variants) throws Exception {
        take(out, repeat, null, variants);
    }

    /**
     * As {@link #take(Blackhole, int, Variant...)}, running {@code before} ahead of each variant,
     * outside its timed window (emptying a table the variant writes into, say).
     *
     * @param out      where the results go
     * @param repeat   the runs of each variant within its timed window, at least 1
     * @param before   run before each variant, untimed; null for nothing
     * @param variants the variants, in the order of the totals
     * @throws Exception when a variant fails
     */
    void take(Blackhole out, int repeat, Runnable before, Variant... variants) throws Exception {
        int n = variants.length;
        int first = turn++ % n;
        for (int i = 0; i < n; i++) {
            int which = (first + i) % n;
            Variant v = variants[which];
            if (before != null) {
                before.run();
            }
            long start = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                out.consume(v.run());
            }
            nanos[which] += System.nanoTime() - start;
        }
    }

    /**
     * @param variant its index
     * @return the nanoseconds it took since the last {@link #clear()}
     */
    long nanos(int variant) {
        return nanos[variant];
    }

    /** Starts the totals from zero (every iteration). */
    void clear() {
        java.util.Arrays.fill(nanos, 0);
    }
}
