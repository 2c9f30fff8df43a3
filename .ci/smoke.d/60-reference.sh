# The API reference (docs/reference): docfx, the .NET tool pinned in .config/dotnet-tools.json, reads the two packages'
# projects and XML docs and builds the site with the guides under docs/. Any warning fails the run: a broken link in a
# page, a cref that resolves to nothing, a project that does not load.
dotnet tool restore
rm -rf artifacts/reference artifacts/reference-api
started=$SECONDS
dotnet docfx docs/reference/docfx.json --warningsAsErrors --logLevel warning
echo "API reference built in $((SECONDS - started)) s: $(find artifacts/reference -name '*.html' | wc -l) pages in artifacts/reference"
# The public types are there, with their docs; the internal ones are not.
for page in api/ParallelSum.Strategies.AutoStrategy.html api/ParallelSum.Orleans.DistributedStrategy.html guides/using.html index.html; do
  [ -s "artifacts/reference/$page" ] || { echo "reference: $page is missing" >&2; exit 1; }
done
grep -q "GenerateAndSum" artifacts/reference/api/ParallelSum.Strategies.AutoStrategy.html || { echo "reference: AutoStrategy's page has no members" >&2; exit 1; }
if ls artifacts/reference/api | grep -q "CombineTree\|OrleansCodeGen"; then echo "reference: a non-public type has a page" >&2; exit 1; fi
