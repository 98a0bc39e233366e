#!/usr/bin/env python3
"""Prints the rows of docs/performance.md from JMH JSON results (java -jar benchmarks.jar -rf json).
Usage: python3 benchmarks/src/main/script/summarize.py jmh-result.json [more.json ...]
Average-time scores are means over forks and iterations; single-shot scores are medians of the
boots (one per fork), as the startup goal is stated."""
import json
import statistics
import sys

scores = {}
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        if r.get("params"):
            key += "[" + ",".join(f"{k}={v}" for k, v in r["params"].items()) + "]"
        m = r["primaryMetric"]
        if r["mode"] == "ss":
            raw = [x for fork in m["rawData"] for x in fork]
            scores[key] = (statistics.median(raw), m["scoreUnit"], f"median of {len(raw)}")
        else:
            scores[key] = (m["score"], m["scoreUnit"], f"± {m['scoreError']:.3g}")

for key, (score, unit, note) in sorted(scores.items()):
    print(f"{key:55s} {score:14.3f} {unit:8s} {note}")


def ratio(a, b):
    if a in scores and b in scores:
        print(f"{a} / {b} = {scores[a][0] / scores[b][0]:.2f}")


print()
ratio("LookupBenchmark.lookupOurs", "LookupBenchmark.lookupBaselineMap")
ratio("InjectionBenchmark.callOurs", "InjectionBenchmark.callBaselineBean")
ratio("InjectionBenchmark.borrowOurs", "InjectionBenchmark.borrowBaselineProducer")
for db in ("h2", "postgresql"):
    ratio(f"QueryBenchmark.queryOurs[db={db}]", f"QueryBenchmark.queryBaselineJdbc[db={db}]")
ratio("QueryBenchmark.queryOurs[db=postgresql]", "QueryBenchmark.queryCachedHit[db=postgresql]")
ratio("LookupBenchmark.contention8Threads", "LookupBenchmark.contention1Thread")
ratio("ConfigBenchmark.getValueOurs", "ConfigBenchmark.getValueBaselineProperties")
for mode in ("", "Warm"):
    a, b = f"StartupBenchmark.boot{mode}Ours", f"StartupBenchmark.boot{mode}Baseline"
    if a in scores and b in scores:
        print(f"{a} - {b} = {scores[a][0] - scores[b][0]:.1f} {scores[a][1]}")
