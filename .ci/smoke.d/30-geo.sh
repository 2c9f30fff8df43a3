# The shapefile tool (tools/ParallelSum.Geo): generate, convert with worker processes, verify, no overwrite, a bad option, a tiny bench.
geo_dir=$(mktemp -d)
trap 'rm -rf "$geo_dir"' EXIT
dotnet build tools/ParallelSum.Geo -c Release -nologo -v q
geo() { dotnet tools/ParallelSum.Geo/bin/Release/net10.0/ParallelSum.Geo.dll "$@"; }
geo generate --out "$geo_dir/in" --files 5 --seed 7 --min-features 50 --max-features 800
geo convert --in "$geo_dir/in" --out "$geo_dir/out" --mode processes --workers 2 --partitioner dynamic
geo verify --in "$geo_dir/in" --out "$geo_dir/out"
again=$(geo convert --in "$geo_dir/in" --out "$geo_dir/out" --mode threads)
grep -q "5 skipped" <<<"$again" || { echo "geo: a second convert without --overwrite did not skip the existing outputs" >&2; exit 1; }
if geo convert --in "$geo_dir/in" --out "$geo_dir/out" --mode sideways 2>/dev/null; then
  echo "geo: a bad --mode did not fail" >&2; exit 1
fi
geo bench --counts 2,4 --repetitions 1 --out "$geo_dir/bench" --work "$geo_dir/work" --min-features 50 --max-features 400
python3 -c 'import sys; sys.exit(0 if open(sys.argv[1], "rb").read(8) == b"\x89PNG\r\n\x1a\n" else "geo: bench chart.png is not a PNG")' "$geo_dir/bench/chart.png"
for f in results.csv results.json results.md chart.svg; do
  [ -s "$geo_dir/bench/$f" ] || { echo "geo: bench did not write $f" >&2; exit 1; }
done
# Third-party shapefiles (fetched by .ci/install.d/30-geo-corpus.sh): convert with worker processes, then compare with ogr2ogr.
echo "== geo: the third-party corpus against ogr2ogr"
for corpus_dir in "$PARALLELSUM_GEO_CORPUS"/*/; do
  name=$(basename "$corpus_dir")
  geo convert --in "$corpus_dir" --out "$geo_dir/corpus/$name" --mode processes --workers 2 > /dev/null
  geo verify --in "$corpus_dir" --out "$geo_dir/corpus/$name" --against-ogr2ogr | tail -1
done
# Exit codes (docs/exit-codes.md): 2 for a bad --encoding, before any work.
set +e
geo convert --in "$geo_dir/in" --out "$geo_dir/enc" --encoding no-such-code-page 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "geo: a bad --encoding exited $rc, not 2" >&2; exit 1; }
