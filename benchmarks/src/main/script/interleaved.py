#!/usr/bin/env python3
"""Ratios of the interleaved benchmarks (docs/performance.md).

An interleaved benchmark (ObservabilityInterleavedBenchmark, QuerySizeInterleavedBenchmark) times
each variant into its own JMH auxiliary counter; a ratio is taken within each iteration, where the
variants took turns over the same seconds. This prints, for each pair asked, the median ratio over
every iteration of every fork, its quartiles, the pooled ratio (the sums over the run) and each
fork's median.

usage: interleaved.py result.json numerator:denominator [numerator:denominator ...]
e.g.   interleaved.py sizes.json queryNanos:jdbcRecordsNanos asNanos:jdbcRecordsNanos
"""
import json
import statistics
import sys


def main(path, pairs):
    for bench in json.load(open(path)):
        counters = bench.get("secondaryMetrics", {})
        label = bench["benchmark"].rsplit(".", 1)[-1] + " " + ",".join(
            "%s=%s" % kv for kv in sorted(bench.get("params", {}).items()))
        for pair in pairs:
            num, den = pair.split(":")
            if num not in counters or den not in counters:
                continue
            a, b = counters[num]["rawData"], counters[den]["rawData"]
            forks = [[x / y for x, y in zip(fa, fb) if y] for fa, fb in zip(a, b)]
            flat = [r for fork in forks for r in fork]
            if not flat:
                continue
            q = statistics.quantiles(flat, n=4) if len(flat) > 1 else [flat[0]] * 3
            pooled = sum(map(sum, a)) / sum(map(sum, b))
            print("%-36s %s / %s: median %.3f (quartiles %.3f-%.3f), pooled %.3f, fork medians %s" % (
                label, num, den, statistics.median(flat), q[0], q[2], pooled,
                " ".join("%.3f" % statistics.median(f) for f in forks if f)))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
