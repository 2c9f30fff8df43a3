#!/usr/bin/env bash
# Scaling of the distributed strategy over 1-4 silos, each in its own Linux network namespace (a host with its own
# address), with Redis membership in a namespace of its own and the client in another, all joined by veth pairs to a
# bridge in a namespace of its own. Needs root, iproute2 and redis-server; creates and deletes everything it uses.
#
# Two series:
#   shared  K = 1..4 silos, each free to use every core of this machine (K hosts sharing one machine's cores);
#   pinned  K = 1..N silos, silo i pinned to core i-1 with taskset (K one-core hosts; N = the machine's core count, max 4).
# Per configuration: the fixed cost (1 value in 1 range, 5 runs), the per-range cost (2000 one-value ranges, 3 runs),
# and the throughput at 1e10 values (3 runs, default ranges, with the time until the first range's result) and at 1e11
# values (1 run). In-process `streaming` at 1e10 on all cores and on one core gives the reference rate.
#
# Usage: benchmarks/orleans/measure-namespaces.sh [out-folder]   (default artifacts/orleans-namespaces; about 8 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/orleans-namespaces}
[ "$(id -u)" -eq 0 ] || { echo "measure-namespaces.sh: needs root (network namespaces)" >&2; exit 2; }
for tool in ip redis-server taskset python3; do
  command -v "$tool" > /dev/null || { echo "measure-namespaces.sh: needs $tool" >&2; exit 2; }
done

dotnet build -c Release samples/ParallelSum.Silo -nologo -v q > /dev/null
dotnet build -c Release samples/ParallelSum.Experiment -nologo -v q > /dev/null
silo=$PWD/samples/ParallelSum.Silo/bin/Release/net10.0/ParallelSum.Silo
experiment=$PWD/samples/ParallelSum.Experiment/bin/Release/net10.0/ParallelSum.Experiment
rm -rf "$out"; mkdir -p "$out"
results=$out/results.jsonl

prefix=psm$$
net=10.201.0
hosts=(redis client s1 s2 s3 s4)

cleanup() {
  # Every process left in a namespace (silos, Redis), then the namespaces.
  for h in "${hosts[@]}" sw; do
    ip netns pids "$prefix-$h" 2> /dev/null | xargs -r kill -9 2> /dev/null || true
    ip netns del "$prefix-$h" 2> /dev/null || true
  done
}
trap cleanup EXIT

ip netns add "$prefix-sw"
ip -n "$prefix-sw" link add br0 type bridge
ip -n "$prefix-sw" link set br0 up
i=0
for h in "${hosts[@]}"; do
  i=$((i + 1))
  ip netns add "$prefix-$h"
  ip -n "$prefix-sw" link add "v$i" type veth peer name eth0 netns "$prefix-$h"
  ip -n "$prefix-sw" link set "v$i" master br0 up
  ip -n "$prefix-$h" addr add "$net.$i/24" dev eth0
  ip -n "$prefix-$h" link set eth0 up
  ip -n "$prefix-$h" link set lo up
done
addr() { local j=0; for h in "${hosts[@]}"; do j=$((j + 1)); [ "$h" = "$1" ] && { echo "$net.$j"; return; }; done; }
inns() { local h=$1; shift; ip netns exec "$prefix-$h" "$@"; }

redis=$(addr redis):6379
ip netns exec "$prefix-redis" redis-server --bind "$(addr redis)" --port 6379 --protected-mode no --save '' --appendonly no > "$out/redis.log" 2>&1 &
for _ in $(seq 1 100); do inns redis redis-cli -h "$(addr redis)" ping 2> /dev/null | grep -q PONG && break; sleep 0.1; done

# One client run; prints one JSON line tagged with the series, the silo count and the case.
sum() {
  local series=$1 k=$2 case=$3 cluster=$4; shift 4
  local json
  json=$(inns client "$silo" sum --redis "$redis" --cluster-id "$cluster" --response-timeout 60 --json "$@" 2>> "$out/client.log") || json='{"error":true}'
  python3 -c 'import json,sys; r=json.loads(sys.argv[4]); r.update(series=sys.argv[1], k=int(sys.argv[2]), case=sys.argv[3]); print(json.dumps(r))' "$series" "$k" "$case" "$json"
}

inprocess() {
  local series=$1; shift
  for _ in 1 2 3; do
    "$@" "$experiment" run --strategy streaming --count 10000000000 --warmup 1 --json \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print(json.dumps(dict(series=sys.argv[1], k=0, case="1e10", seconds=r["seconds"], sum=str(r["sum"]), count=r["count"])))' "$series"
  done >> "$results"
}
inprocess inprocess-all-cores env
inprocess inprocess-one-core taskset -c 0
"$experiment" run --strategy streaming --count 100000000000 --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print(json.dumps(dict(series="inprocess-all-cores", k=0, case="1e11", seconds=r["seconds"], sum=str(r["sum"]), count=r["count"])))' >> "$results"

cores=$(nproc)
configuration() {
  local series=$1 k=$2
  local cluster=$series-$k silopids=()
  for i in $(seq 1 "$k"); do
    local pin=()
    [ "$series" = pinned ] && pin=(taskset -c $((i - 1)))
    ip netns exec "$prefix-s$i" "${pin[@]}" "$silo" --redis "$redis" --address "$(addr "s$i")" --cluster-id "$cluster" > "$out/silo-$cluster-$i.log" 2>&1 &
    silopids+=($!)
  done
  for i in $(seq 1 "$k"); do
    for _ in $(seq 1 600); do grep -q "silo ready" "$out/silo-$cluster-$i.log" && break; sleep 0.1; done
    grep -q "silo ready" "$out/silo-$cluster-$i.log" || { echo "silo $i of $cluster did not start:" >&2; cat "$out/silo-$cluster-$i.log" >&2; exit 1; }
  done
  # Warm up until the client sees every silo (membership settles within seconds).
  for _ in $(seq 1 30); do
    [ "$(sum "$series" "$k" warmup "$cluster" --count 100000000 | python3 -c 'import json,sys; print(json.load(sys.stdin).get("silos"))')" = "$k" ] && break
    sleep 1
  done
  for _ in 1 2 3 4 5; do sum "$series" "$k" fixed "$cluster" --count 1 --ranges 1; done >> "$results"
  for _ in 1 2 3; do sum "$series" "$k" ranges2000 "$cluster" --count 2000 --ranges 2000; done >> "$results"
  for _ in 1 2 3; do sum "$series" "$k" 1e10 "$cluster" --count 10000000000; done >> "$results"
  sum "$series" "$k" 1e11 "$cluster" --count 100000000000 >> "$results"
  kill "${silopids[@]}"; wait "${silopids[@]}" 2> /dev/null || true
}
for k in 1 2 3 4; do configuration shared "$k"; done
for k in $(seq 1 $((cores < 4 ? cores : 4))); do configuration pinned "$k"; done

python3 benchmarks/orleans/summarize-namespaces.py "$results" | tee "$out/summary.md"
