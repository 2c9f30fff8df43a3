# Pack the library as a local prerelease, check the package's contents and metadata, then build and run an outside
# consumer against exactly the package just made, on each target framework.
rm -f artifacts/packages/ParallelSum.*.nupkg artifacts/packages/ParallelSum.*.snupkg
suffix="local.$(date -u +%Y%m%d%H%M%S)"
dotnet pack src/ParallelSum -c Release -nologo -v q -p:VersionSuffix="$suffix"
version="$PARALLELSUM_VERSION_PREFIX-$suffix"
nupkg=artifacts/packages/ParallelSum.$version.nupkg
[ -f "$nupkg" ] && [ -f "artifacts/packages/ParallelSum.$version.snupkg" ] || { echo "pack did not produce $nupkg and its .snupkg" >&2; exit 1; }
python3 - "$nupkg" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
need = {"lib/net8.0/ParallelSum.dll", "lib/net8.0/ParallelSum.xml", "lib/net10.0/ParallelSum.dll", "lib/net10.0/ParallelSum.xml",
        "README.md", "icon.png", "ParallelSum.nuspec"}
missing = need - names
assert not missing, f"package lacks {sorted(missing)}"
assert z.read("icon.png")[:8] == b"\x89PNG\r\n\x1a\n", "icon.png is not a PNG"
nuspec = z.read("ParallelSum.nuspec").decode()
for pattern in [r'<license type="expression">MIT</license>', r"<icon>icon\.png</icon>", r"<readme>README\.md</readme>",
                r"<projectUrl>https?://[^<]+</projectUrl>", r'<repository type="git" url="https?://[^"]+"', r"<version>0\.3\.0-local\.\d{14}</version>"]:
    assert re.search(pattern, nuspec), f"nuspec lacks {pattern}"
print("package contents and metadata ok")
PY
# The XML docs IntelliSense shows hold the public API only (no internal type or member).
python3 .ci/packed-xml-docs.py "$nupkg" src/ParallelSum
# A private package folder, so the consumer can never pick up another copy from the user cache.
rm -rf artifacts/pkgcache
dotnet restore samples/CustomPartitioning --packages artifacts/pkgcache -v q -p:ParallelSumPackageVersion="$version"
for tfm in net10.0 net8.0; do
  echo "== package consumer on $tfm"
  dotnet run -c Release --project samples/CustomPartitioning --no-restore -f "$tfm" -p:ParallelSumPackageVersion="$version"
done
