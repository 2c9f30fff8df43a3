# The shapefile tool as it ships: the dotnet tool packages packed afresh and installed into a fresh folder, where on
# linux-x64 the command is the Native AOT executable (converter and worker processes in one file, what
# `dotnet publish -r linux-x64` makes), run and checked against ogr2ogr on the third-party corpus.
tool_dir=$(mktemp -d)
trap 'rm -rf "$tool_dir"' EXIT

echo "== geo tool: dotnet tool packages, installed into a fresh folder"
rm -f artifacts/packages/ParallelSum.Geo.*.nupkg
suffix="local.$(date -u +%Y%m%d%H%M%S)"
# Three packages, as .NET 10 packs a RID-specific tool: the one users name (it points at the others), the Native AOT
# executable for linux-x64, and the framework-dependent build for every other platform ("any").
started=$SECONDS
for rid in "" linux-x64 any; do
  dotnet pack tools/ParallelSum.Geo -c Release -nologo -v q -p:VersionSuffix="$suffix" ${rid:+-r "$rid"}
done
echo "packed in $((SECONDS - started)) s"
version="$PARALLELSUM_VERSION_PREFIX-$suffix"
for id in ParallelSum.Geo ParallelSum.Geo.linux-x64 ParallelSum.Geo.any; do
  [ -f "artifacts/packages/$id.$version.nupkg" ] || { echo "pack did not produce $id.$version.nupkg" >&2; exit 1; }
done
dotnet tool install --tool-path "$tool_dir/tool" --add-source artifacts/packages ParallelSum.Geo --version "$version"
tool="$tool_dir/tool/shp2geojson"
# On linux-x64 the installed command is the native executable itself, not a launcher of the JIT build.
[ "$(head -c 4 "$tool" | od -An -c | tr -d ' ')" = '177ELF' ] || { echo "geo tool: the installed shp2geojson is not a native executable" >&2; exit 1; }
[ ! -e "$(dirname "$(readlink -f "$tool")")/ParallelSum.Geo.dll" ] || { echo "geo tool: the linux-x64 install holds the JIT build's ParallelSum.Geo.dll" >&2; exit 1; }
echo "installed: $(du -h "$(readlink -f "$tool")" | cut -f1) native executable"
"$tool" --help | grep -q "convert" || { echo "geo tool: shp2geojson --help does not list convert" >&2; exit 1; }
installed=$("$tool" --version)
[ "${installed%%+*}" = "$version" ] || { echo "geo tool: shp2geojson --version says $installed, the package is $version" >&2; exit 1; }
for corpus_dir in "$PARALLELSUM_GEO_CORPUS"/*/; do
  name=$(basename "$corpus_dir")
  "$tool" convert --in "$corpus_dir" --out "$tool_dir/out/$name" --mode processes --workers 2 > /dev/null
  "$tool" verify --in "$corpus_dir" --out "$tool_dir/out/$name" --against-ogr2ogr | tail -1
  "$tool" convert --in "$corpus_dir" --out "$tool_dir/keep/$name" --mode threads --keep-crs > /dev/null
  "$tool" verify --in "$corpus_dir" --out "$tool_dir/keep/$name" --against-ogr2ogr --keep-crs | tail -1
done
# Exit codes (docs/exit-codes.md) of the native executable: 2 for an unusable --out, before any work.
set +e
"$tool" convert --in "$PARALLELSUM_GEO_CORPUS/r-cran-sf" --out "" 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "geo tool: --out \"\" exited $rc, not 2" >&2; exit 1; }
