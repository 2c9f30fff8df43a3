# The shapefile tool as it ships: the Native AOT executable (converter and worker processes in one file) and the dotnet tool
# package, each installed or published afresh, run, and checked against ogr2ogr on the third-party corpus.
tool_dir=$(mktemp -d)
trap 'rm -rf "$tool_dir"' EXIT

echo "== geo tool: Native AOT publish"
started=$SECONDS
dotnet publish tools/ParallelSum.Geo -c Release -r linux-x64 -nologo -v q -o "$tool_dir/aot"
echo "published in $((SECONDS - started)) s: $(du -h "$tool_dir/aot/ParallelSum.Geo" | cut -f1) executable"
aot="$tool_dir/aot/ParallelSum.Geo"
"$aot" --version
for corpus_dir in "$PARALLELSUM_GEO_CORPUS"/*/; do
  name=$(basename "$corpus_dir")
  "$aot" convert --in "$corpus_dir" --out "$tool_dir/aot-out/$name" --mode processes --workers 2 > /dev/null
  "$aot" verify --in "$corpus_dir" --out "$tool_dir/aot-out/$name" --against-ogr2ogr | tail -1
  "$aot" convert --in "$corpus_dir" --out "$tool_dir/aot-keep/$name" --mode threads --keep-crs > /dev/null
  "$aot" verify --in "$corpus_dir" --out "$tool_dir/aot-keep/$name" --against-ogr2ogr --keep-crs | tail -1
done
# Exit codes (docs/exit-codes.md) of the native executable: 2 for an unusable --out, before any work.
set +e
"$aot" convert --in "$PARALLELSUM_GEO_CORPUS/r-cran-sf" --out "" 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "geo tool: --out \"\" exited $rc, not 2" >&2; exit 1; }

echo "== geo tool: dotnet tool package, installed into a fresh folder"
rm -f artifacts/packages/ParallelSum.Geo.*.nupkg
suffix="local.$(date -u +%Y%m%d%H%M%S)"
dotnet pack tools/ParallelSum.Geo -c Release -nologo -v q -p:VersionSuffix="$suffix"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' src/Directory.Build.props)-$suffix"
[ -f "artifacts/packages/ParallelSum.Geo.$version.nupkg" ] || { echo "pack did not produce ParallelSum.Geo.$version.nupkg" >&2; exit 1; }
dotnet tool install --tool-path "$tool_dir/tool" --add-source artifacts/packages ParallelSum.Geo --version "$version"
"$tool_dir/tool/shp2geojson" --help | grep -q "convert" || { echo "geo tool: shp2geojson --help does not list convert" >&2; exit 1; }
installed=$("$tool_dir/tool/shp2geojson" --version)
[ "${installed%%+*}" = "$version" ] || { echo "geo tool: shp2geojson --version says $installed, the package is $version" >&2; exit 1; }
"$tool_dir/tool/shp2geojson" convert --in "$PARALLELSUM_GEO_CORPUS/r-cran-sf" --out "$tool_dir/tool-out" --mode processes --workers 2 | tail -1
"$tool_dir/tool/shp2geojson" verify --in "$PARALLELSUM_GEO_CORPUS/r-cran-sf" --out "$tool_dir/tool-out" --against-ogr2ogr | tail -1
