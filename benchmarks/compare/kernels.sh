#!/usr/bin/env bash
# Side-by-side kernel comparison on this machine: the native C kernels (two-multiply and fast one-multiply) against the
# ParallelSum strategies that run the C# kernels, on 1 core (taskset -c 0) and 2 cores, for several value ranges.
# Runs are interleaved (every method once per round, REPEAT rounds) and each cell is the median; each run does one untimed
# warm-up first. Prints Markdown tables (values/s, ratio to the fast and to the two-multiply C kernel) and saves them with
# the raw JSON lines under artifacts/compare/. Every method must give the same sum per range, or the script fails.
#
#   benchmarks/compare/kernels.sh                 count 1e9, seed 42, ranges [0,10] [-5,5] full-int [int.MinValue,2^30)
#   COUNT=… SEED=… REPEAT=5 (rounds)
#   RANGES="0 10,-2147483648 2147483647"          only these ranges ("min max", comma-separated)
#   CORES=2                                       only these core counts (default "1 2")
#   BASELINE=path/to/ParallelSum.Experiment       adds "baseline streaming" and "baseline auto" rows from another build (e.g.
#                                                 an older commit, built in a worktree of its own), run in the same rounds,
#                                                 and a table of this build ÷ baseline for both strategies
#   BASELINE=… PAIR_ONLY=1                        only streaming and auto of both builds: more rounds in the same time
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
count=${COUNT:-1000000000}
seed=${SEED:-42}
repeat=${REPEAT:-5}
ranges=("0 10" "-5 5" "-2147483648 2147483647" "-2147483648 1073741823")
if [ -n "${RANGES:-}" ]; then IFS=, read -r -a ranges <<< "$RANGES"; fi
out_dir=artifacts/compare
mkdir -p "$out_dir" artifacts/packages
raw="$out_dir/kernels-raw.jsonl"
: > "$raw"

make -s -C benchmarks/native
dotnet build -c Release samples/ParallelSum.Experiment -v q -nologo >/dev/null
native=benchmarks/native/bin/psum-native
experiment=samples/ParallelSum.Experiment/bin/Release/net10.0/ParallelSum.Experiment

record() { # record <method> <cores> <min> <max> <json>
  python3 -c 'import json,sys; d=json.loads(sys.argv[5]); d=d[0] if isinstance(d,list) else d; print(json.dumps({"method":sys.argv[1],"cores":int(sys.argv[2]),"range":sys.argv[3]+" "+sys.argv[4],"sum":str(d["sum"]),"seconds":float(d["seconds"])}))' "$@" >> "$raw"
  echo "  $(tail -1 "$raw")" >&2
}

run_baseline() { # the baseline build's streaming and auto, for the current range and core count
  for s in streaming auto; do
    record "baseline $s" "$cores" "$min" "$max" "$(taskset -c "$cpus" "$BASELINE" run --in-process --json --strategy "$s" --count "$count" --seed "$seed" --min="$min" --max="$max" --warmup 1)"
  done
}

for round in $(seq "$repeat"); do
  echo "round $round of $repeat" >&2
  for range in "${ranges[@]}"; do
    read -r min max <<< "$range"
    for cores in ${CORES:-1 2}; do
      cpus=$([ "$cores" = 1 ] && echo 0 || echo 0-1)
      for kernel in two-multiply fast; do
        [ -n "${PAIR_ONLY:-}" ] && continue
        record "C $kernel" "$cores" "$min" "$max" "$(taskset -c "$cpus" $native --count "$count" --seed "$seed" --min "$min" --max "$max" --threads "$cores" --kernel "$kernel" --warmup 1)"
      done
      # With a baseline, every other round runs it first, so neither build always runs right after the other.
      if [ -n "${BASELINE:-}" ] && [ $((round % 2)) = 0 ]; then run_baseline; fi
      for s in streaming simd-chunks auto; do
        [ -n "${PAIR_ONLY:-}" ] && [ "$s" = simd-chunks ] && continue
        record "ParallelSum $s" "$cores" "$min" "$max" "$(taskset -c "$cpus" $experiment run --in-process --json --strategy "$s" --count "$count" --seed "$seed" --min="$min" --max="$max" --warmup 1)"
      done
      if [ -n "${BASELINE:-}" ] && [ $((round % 2)) = 1 ]; then run_baseline; fi
    done
  done
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
python3 - "$raw" "$out_dir/kernels.md" "$cpu" "$count" "$seed" "$repeat" <<'PY'
import collections, datetime, json, statistics, sys
raw, md, cpu, count, seed, repeat = sys.argv[1:7]
count = int(count)
rows = [json.loads(l) for l in open(raw)]
runs = collections.defaultdict(list)
for r in rows:
    runs[(r["method"], r["cores"], r["range"])].append(r)
for key in {(r["range"]) for r in rows}:
    sums = {r["sum"] for r in rows if r["range"] == key}
    if len(sums) > 1:
        sys.exit(f"sums disagree for range [{key}]: {sums}")
rate = {k: count / statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
methods = list(dict.fromkeys(r["method"] for r in rows))
ranges = list(dict.fromkeys(r["range"] for r in rows))
names = {"0 10": "[0, 10]", "-5 5": "[-5, 5]", "-2147483648 2147483647": "full int", "-2147483648 1073741823": "[int.MinValue, 2^30)"}
lines = [f"Measured {datetime.date.today()} on {cpu}; count {count:.0e}, seed {seed}; median of {repeat} interleaved runs per cell, "
         "each after one untimed warm-up run. Cells: values/s"
         + (" (× fast C kernel, × two-multiply C kernel)." if "C fast" in methods else "."), ""]
core_counts = sorted({r["cores"] for r in rows})
for cores in core_counts:
    lines.append(f"**{cores} core{'s' if cores > 1 else ''}**")
    lines.append("")
    lines.append("| method | " + " | ".join(names.get(g, g) for g in ranges) + " |")
    lines.append("| --- | " + " | ".join("---:" for _ in ranges) + " |")
    for m in methods:
        cells = []
        for g in ranges:
            v = rate.get((m, cores, g))
            fast, two = rate.get(("C fast", cores, g)), rate.get(("C two-multiply", cores, g))
            cells.append("—" if v is None else f"{v:.3g} ({v / fast:.2f}, {v / two:.2f})" if fast and two else f"{v:.4g}")
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    sc = [rate[("ParallelSum simd-chunks", cores, g)] / rate[("ParallelSum streaming", cores, g)] for g in ranges if ("ParallelSum simd-chunks", cores, g) in rate]
    lines.append("")
    if sc:
        lines.append("simd-chunks ÷ streaming: " + ", ".join(f"{names.get(g, g)} {x:.2f}" for g, x in zip(ranges, sc)))
        lines.append("")
# With a baseline: this build's values/s ÷ the baseline's, per strategy, range and core count: the ratio of the medians; the
# ratio of the best runs (a run slowed by something else on the machine only ever loses time, so the best run of each is the
# least disturbed); and the lowest and highest ratio of one round's two runs (one after the other) to show the spread.
if any(m.startswith("baseline ") for m in methods):
    lines += ["**this build ÷ baseline** (values/s: ratio of the medians, of the best runs, and the range of the per-round ratios)", "",
              "| strategy | cores | range | baseline values/s | this build values/s | ratio | best ÷ best | per-round ratios |",
              "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    for s in ("streaming", "auto"):
        for cores in core_counts:
            for g in ranges:
                old, new = runs.get((f"baseline {s}", cores, g)), runs.get((f"ParallelSum {s}", cores, g))
                if not old or not new:
                    continue
                per_round = sorted(o["seconds"] / n["seconds"] for o, n in zip(old, new))
                best = min(o["seconds"] for o in old) / min(n["seconds"] for n in new)
                lines.append(f"| {s} | {cores} | {names.get(g, g)} | {rate[(f'baseline {s}', cores, g)]:.4g} | {rate[(f'ParallelSum {s}', cores, g)]:.4g} | "
                             f"{rate[(f'ParallelSum {s}', cores, g)] / rate[(f'baseline {s}', cores, g)]:.3f} | {best:.3f} | {per_round[0]:.3f}–{per_round[-1]:.3f} |")
    lines.append("")
text = "\n".join(lines)
open(md, "w").write(text)
print(text)
PY
