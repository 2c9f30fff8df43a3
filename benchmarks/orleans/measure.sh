#!/usr/bin/env bash
# Throughput of the distributed strategy with 1, 2 and 3 local silos against in-process streaming; per-range overhead.
set -u
cd "$(dirname "$0")/../.."
dotnet build -c Release ParallelSum.sln -nologo -v q > /dev/null
S=samples/ParallelSum.Silo/bin/Release/net10.0/ParallelSum.Silo
E=samples/ParallelSum.Experiment/bin/Release/net10.0/ParallelSum.Experiment
out=artifacts/orleans-measure; rm -rf $out; mkdir -p $out
counts="100000000 1000000000 10000000000"
for n in $counts; do
  for r in 1 2 3; do $E run --strategy streaming --count $n --warmup 1 --json | python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print("inproc", r["count"], r["seconds"], r["sum"])'; done
done >> $out/results.txt
for k in 1 2 3; do
  pids=()
  for i in $(seq 1 $k); do
    args=(--silo-port $((11110+i)) --gateway-port $((30000+i)) --cluster-id m$k)
    [ $i -gt 1 ] && args+=(--primary-silo-port 11111)
    $S "${args[@]}" > $out/silo-$k-$i.log 2>&1 &
    pids+=($!)
    for t in $(seq 1 600); do grep -q "silo ready" $out/silo-$k-$i.log && break; sleep 0.1; done
  done
  gws=(); for i in $(seq 1 $k); do gws+=(--gateway-port $((30000+i))); done
  sleep 2
  # warm-up (first activations)
  $S sum "${gws[@]}" --cluster-id m$k --count 100000000 --json > /dev/null 2>&1
  for n in $counts; do
    for r in 1 2 3; do
      $S sum "${gws[@]}" --cluster-id m$k --count $n --json 2>/dev/null | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print("silos'$k'", r["count"], r["seconds"], r["sum"], r["silos"], r["ranges"])'
    done
  done >> $out/results.txt
  if [ $k -eq 1 ]; then
    for r in 1 2 3; do
      $S sum "${gws[@]}" --cluster-id m$k --count 2000 --ranges 2000 --json 2>/dev/null | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print("overhead2000", r["count"], r["seconds"], r["sum"], r["silos"], r["ranges"])'
      $S sum "${gws[@]}" --cluster-id m$k --count 1 --ranges 1 --json 2>/dev/null | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print("fixed1", r["count"], r["seconds"], r["sum"], r["silos"], r["ranges"])'
    done >> $out/results.txt
  fi
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null
done
python3 - <<'PY'
import collections, statistics
d = collections.defaultdict(list)
for line in open('artifacts/orleans-measure/results.txt'):
    f = line.split()
    d[(f[0], int(f[1]))].append((float(f[2]), f[3]))
for k, v in sorted(d.items()):
    print(k, "median %.3f s" % statistics.median(x for x, _ in v), "runs", [round(x, 3) for x, _ in v], "sums", sorted({s for _, s in v}))
PY
