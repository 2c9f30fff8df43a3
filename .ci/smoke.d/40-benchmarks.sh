# Every kernel width and every strategy once, in process (no timing is asserted).
log=$(mktemp)
dotnet run -c Release --project benchmarks/ParallelSum.Benchmarks -- --smoke > "$log" 2>&1 \
  || { tail -40 "$log"; echo "benchmark smoke failed" >&2; exit 1; }
rm -f "$log"
