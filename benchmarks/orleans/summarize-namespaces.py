#!/usr/bin/env python3
"""Summarises measure-namespaces.sh's results (JSON Lines) as Markdown tables; fails when any sum disagrees."""
import collections
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
errors = [r for r in rows if r.get("error")]
by = collections.defaultdict(list)
for r in rows:
    if not r.get("error"):
        by[(r["series"], r["k"], r["case"])].append(r)

# Every run of a case must give the same sum, in every configuration and in process.
sums = collections.defaultdict(set)
for (series, k, case), runs in by.items():
    if case != "warmup":
        sums[case].update(r["sum"] for r in runs)
bad = {case: s for case, s in sums.items() if len(s) != 1}

def med(series, k, case, key="seconds"):
    values = [r[key] for r in by.get((series, k, case), []) if r.get(key) is not None]
    return statistics.median(values) if values else None

print("| hosts | silos | fixed cost F (1 value, 1 range) | 2000 one-value ranges | ranges/s | cost per further range c "
      "| 1e10 values | values/s | first range | ranges | 1e11 values | values/s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for series in ("shared", "pinned"):
    for k in (1, 2, 3, 4):
        f = med(series, k, "fixed")
        if f is None:
            continue
        t2000 = med(series, k, "ranges2000")
        t10 = med(series, k, "1e10")
        first = med(series, k, "1e10", "firstRangeSeconds")
        ranges = med(series, k, "1e10", "ranges")
        t11 = med(series, k, "1e11")
        hosts = "sharing all cores" if series == "shared" else "one core each"
        print(f"| {hosts} | {k} | {f * 1e3:.1f} ms | {t2000 * 1e3:.0f} ms | {2000 / t2000:,.0f} | {(t2000 - f) / 1999 * 1e6:.0f} µs "
              f"| {t10:.3f} s | {1e10 / t10:.3g} | {first:.3f} s | {ranges:.0f} | {t11:.2f} s | {1e11 / t11:.3g} |")

print()
for series in ("inprocess-all-cores", "inprocess-one-core"):
    t = med(series, 0, "1e10")
    if t is not None:
        print(f"- in-process streaming, {series[10:].replace('-', ' ')}: 1e10 values in {t:.3f} s ({1e10 / t:.3g} values/s)")
t = med("inprocess-all-cores", 0, "1e11")
if t is not None:
    print(f"- in-process streaming, all cores: 1e11 values in {t:.2f} s ({1e11 / t:.3g} values/s)")
print("- sums: " + ", ".join(f"{case} = {next(iter(s))}" for case, s in sorted(sums.items()) if len(s) == 1))
if errors:
    print(f"- {len(errors)} client runs failed")
if bad:
    print("- SUMS DISAGREE: " + json.dumps({c: sorted(s) for c, s in bad.items()}))
sys.exit(1 if bad or errors else 0)
