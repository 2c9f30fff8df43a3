# The user-workload sample: a Monte Carlo estimate, a reproducible sum of doubles and per-file work on ParallelReduction,
# each on one worker and on every processor; the program exits 1 if any pair of results differs.
out=$(dotnet run -c Release --project samples/Workloads)
echo "$out"
[ "$(grep -c '; same on 1 worker$' <<<"$out")" -eq 3 ] || { echo "workloads: expected three workloads agreeing on 1 and N workers" >&2; exit 1; }
