# The experiment sample: every strategy (and the process pool) agrees on the known answer; a bad option fails; a short
# sweep writes its results and charts; plot renders them again from the results file.
echo "== experiment: every strategy agrees on the known answer for count 1000000, seed 42"
out=$(dotnet run -c Release --project samples/ParallelSum.Experiment -- run --count 1000000 --seed 42 --json)
echo "$out"
sums=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(sorted({r["sum"] for r in json.load(sys.stdin)})))')
[ "$sums" = "5002298" ] || { echo "sample sums disagree or are wrong: $sums" >&2; exit 1; }

echo "== experiment: a pool of 4 worker processes, as the original's Pool(4), gives the same sum"
pool=$(dotnet run -c Release --project samples/ParallelSum.Experiment --no-build -- run --count 1000000 --seed 42 --strategy naive-list/pool4 --json)
echo "$pool"
[ "$(printf '%s' "$pool" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["sum"])')" = "5002298" ] || { echo "the pool's sum is wrong" >&2; exit 1; }

echo "== experiment: bad options are one line on stderr and exit code 2 (docs/exit-codes.md)"
for args in "run --min 5 --max 4" "run --count abc" "sweep --out /proc/nope"; do
  set +e
  # shellcheck disable=SC2086
  err=$(dotnet run -c Release --project samples/ParallelSum.Experiment --no-build -- $args 2>&1 >/dev/null)
  rc=$?
  set -e
  echo "$args -> exit $rc: $err"
  [ "$rc" -eq 2 ] || { echo "'$args' exited $rc, expected 2" >&2; exit 1; }
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "'$args' printed more than one line on stderr" >&2; exit 1; }
done

echo "== experiment: a short sweep (results file, tables, charts), then plot from its results file"
sweep_out=$(mktemp -d)
dotnet run -c Release --project samples/ParallelSum.Experiment --no-build -- --counts 1e3,1e5 --large-counts 1e6 --repetitions 1 --out "$sweep_out"
results=$(ls "$sweep_out"/sweep-*.jsonl)
python3 - "$results" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
trials = [l for l in lines if l["kind"] == "trial"]
# 6 series (5 strategies and the default pool) at 1e3 and 1e5; the 3 that store nothing at 1e6 as well.
assert len(trials) == 15, f"expected 15 trials, got {len(trials)}"
bad = [t for t in trials if t["outcome"] != "ok"]
assert not bad, f"trials did not finish: {bad}"
for n in (1000, 100000, 1000000):
    sums = {t["sum"] for t in trials if t["count"] == n}
    assert len(sums) == 1, f"strategies disagree at {n}: {sums}"
assert {t["sum"] for t in trials if t["count"] == 1000000} == {"5002298"}
PY
rm -f "$sweep_out"/*.png "$sweep_out"/*.svg
dotnet run -c Release --project samples/ParallelSum.Experiment --no-build -- plot "$results"
for chart in time-vs-count memory-vs-count rate-vs-count; do
  for ext in png svg; do
    [ -s "$sweep_out/$chart.$ext" ] || { echo "plot did not write $chart.$ext" >&2; exit 1; }
  done
done
rm -rf "$sweep_out"
