#!/usr/bin/env bash
# The scheduling probe's scenarios (tests/ParallelSum.SchedulingProbe), each in a fresh process, their figures kept as JSON
# lines: 20 and 100 concurrent calls against the same fan-out under Parallel.For, a Reduce nested in a Reduce with the pool
# capped at 4 threads, and CancelAfter(200) on a long RunAsync and ReduceAsync (RUNS fresh processes each).
#
#   benchmarks/compare/scheduling.sh [OUT]      default OUT: artifacts/compare/scheduling.jsonl; RUNS=5
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${1:-artifacts/compare/scheduling.jsonl}
runs=${RUNS:-5}
mkdir -p "$(dirname "$out")"
dotnet build -c Release tests/ParallelSum.SchedulingProbe -v q -nologo >/dev/null
probe=tests/ParallelSum.SchedulingProbe/bin/Release/net10.0/ParallelSum.SchedulingProbe.dll
: > "$out"
record() { # record <scenario> <run> <probe arguments...>: one line per figure the probe prints ("name milliseconds")
  local scenario=$1 run=$2; shift 2
  dotnet "$probe" "$@" | while read -r name ms; do
    printf '{"scenario":"%s","run":%d,"case":"%s","ms":%s}\n' "$scenario" "$run" "$name" "$ms" >> "$out"
  done
}
record "fan-out 20" 1 fan-out 20 1000000
record "fan-out 100" 1 fan-out 100 1000000
record nested 1 nested
for r in $(seq "$runs"); do
  record "timer-cancel run-async" "$r" timer-cancel run-async
  record "timer-cancel reduce-async" "$r" timer-cancel reduce-async
done
echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; $(dotnet --version)" >&2
cat "$out"
