#!/usr/bin/env bash
# One-go comparison on this machine: every ParallelSum strategy, the native AVX-512 kernel (1 and 2 threads), the
# original Python approach (list + random.randint; Pool(4)), numpy, and what a .NET developer writes first
# (List<int> + Random.Shared; PLINQ). Prints a Markdown table of values/s and the ratio to the native kernel on all
# cores, and saves it (with the raw JSON lines) under artifacts/compare/.
#
#   benchmarks/compare/run.sh [counts...]          default: 1000000 10000000 100000000 1000000000
#   REPEAT=3 runs per cell (the median is reported).
#   PYTHON_MAX=10000000 limits the pure-Python runs (they take ~2 s per million values).
#   Every native and .NET row does one untimed warm-up run first (no JIT, cold caches or thread start-up in the figure);
#   Python and numpy have no JIT and run once.
#   STORING_MAX=100000000 limits strategies that hold every value (naive-list, parallel-for, list-random).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000000 10000000 100000000 1000000000)
python_max=${PYTHON_MAX:-10000000}
storing_max=${STORING_MAX:-100000000}
out_dir=artifacts/compare
mkdir -p "$out_dir" artifacts/packages
raw="$out_dir/raw.jsonl"
: > "$raw"

need() { # need <command> <debian package>: install when missing and root, else report
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null && return 0; fi
  echo "skipped: $1 not found (install $2)" >&2; return 1
}

have_native=0
if need gcc gcc && need make make; then make -s -C benchmarks/native && have_native=1; fi
# Debian's numpy is for Debian's interpreter, which may not be the python3 first on PATH.
numpy_python=""
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import numpy' 2>/dev/null; then numpy_python=$py; break; fi
done
if [ -z "$numpy_python" ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq python3-numpy >/dev/null && numpy_python=/usr/bin/python3
fi
[ -n "$numpy_python" ] || echo "skipped: numpy (install python3-numpy)" >&2

dotnet build -c Release samples/ParallelSum.Experiment -v q -nologo >/dev/null
dotnet build -c Release benchmarks/ParallelSum.Baselines -v q -nologo >/dev/null
experiment=samples/ParallelSum.Experiment/bin/Release/net10.0/ParallelSum.Experiment
baselines=benchmarks/ParallelSum.Baselines/bin/Release/net10.0/ParallelSum.Baselines
strategies=$($experiment run --help | sed -n 's/.*The strategy to run: \(.*\), or all\..*/\1/p' | tr -d ',')

repeat=${REPEAT:-3}
measure() { # measure <method> <count> <command...>: runs the command $repeat times, one raw line each
  local method=$1 n=$2; shift 2
  for _ in $(seq "$repeat"); do record "$method" "$("$@")" "$n"; done
}
record() { # record <method> <json with sum and seconds> <count>
  python3 -c 'import json,sys; d=json.loads(sys.argv[2]); d=d[0] if isinstance(d,list) else d; print(json.dumps({"method":sys.argv[1],"count":int(sys.argv[3]),"sum":str(d["sum"]),"seconds":float(d["seconds"])}))' "$1" "$2" "$3" >> "$raw"
  echo "  $1 @ $3: $(tail -1 "$raw")" >&2
}

for n in "${counts[@]}"; do
  echo "count $n" >&2
  if [ "$have_native" = 1 ]; then
    for t in 1 2; do measure "native-avx512 ($t thread$([ $t = 1 ] || echo s))" "$n" benchmarks/native/bin/psum-native --count "$n" --seed 42 --threads $t --warmup 1; done
  fi
  for s in $strategies; do
    if [ "$n" -gt "$storing_max" ] && { [ "$s" = naive-list ] || [ "$s" = parallel-for ]; }; then continue; fi
    measure "ParallelSum $s" "$n" $experiment run --in-process --json --strategy "$s" --count "$n" --seed 42 --warmup 1
  done
  measure "ParallelSum streaming (1 worker)" "$n" $experiment run --in-process --json --strategy streaming --partitions 1 --count "$n" --seed 42 --warmup 1
  if [ "$n" -le "$storing_max" ]; then measure ".NET List<int> + Random.Shared" "$n" $baselines list-random "$n" 1; fi
  if [ "$n" -le 2147483647 ]; then measure ".NET PLINQ + Random.Shared" "$n" $baselines plinq "$n" 1; fi
  if [ -n "$numpy_python" ]; then measure "numpy default_rng, chunked" "$n" "$numpy_python" benchmarks/compare/numpy_sum.py "$n"; fi
  if [ "$n" -le "$python_max" ]; then
    measure "Python list + randint" "$n" python3 benchmarks/compare/original.py python-list "$n"
    measure "Python Pool(4)" "$n" python3 benchmarks/compare/original.py python-pool4 "$n"
  fi
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
python3 - "$raw" "$out_dir/comparison.md" "$cpu" "$(nproc)" <<'PY'
import collections, datetime, json, sys
raw, md, cpu, cores = sys.argv[1:5]
import statistics
rows = [json.loads(l) for l in open(raw)]
counts = sorted({r["count"] for r in rows})
methods = list(dict.fromkeys(r["method"] for r in rows))
runs = collections.defaultdict(list)
for r in rows:
    runs[(r["method"], r["count"])].append(r)
# The median run of each cell: this machine's vCPUs are noisy from one run to the next.
by = {k: sorted(v, key=lambda r: r["seconds"])[len(v) // 2] for k, v in runs.items()}
repeats = max(len(v) for v in runs.values())
lines = [f"Measured {datetime.date.today()} on {cpu}, {cores} cores; median of {repeats} runs per cell, each after one untimed warm-up run (native and .NET).",
         "Cells: values/s (ratio to the native kernel on all cores at that count).", ""]
lines.append("| method | " + " | ".join(f"{c:.0e}" for c in counts) + " |")
lines.append("| --- | " + " | ".join("---:" for _ in counts) + " |")
for m in methods:
    cells = []
    for c in counts:
        r = by.get((m, c))
        ref = by.get(("native-avx512 (2 threads)", c))
        if r is None:
            cells.append("—")
            continue
        rate = c / r["seconds"] if r["seconds"] > 0 else float("inf")
        ratio = f" ({rate / (c / ref['seconds']):.2f})" if ref and ref["seconds"] > 0 else ""
        cells.append(f"{rate:.3g}{ratio}")
    lines.append(f"| {m} | " + " | ".join(cells) + " |")
# Every ParallelSum strategy and the native kernel compute the same stream: their sums must agree per count.
for c in counts:
    sums = {r["sum"] for m in methods for r in runs.get((m, c), []) if m.startswith("ParallelSum") or m.startswith("native")}
    if len(sums) > 1:
        sys.exit(f"sums disagree at count {c}: {sums}")
text = "\n".join(lines) + "\n"
open(md, "w").write(text)
print(text)
PY
