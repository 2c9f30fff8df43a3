# Pack the library, check the package's contents, then build and run an outside consumer against the package just made.
rm -f artifacts/packages/ParallelSum.*.nupkg artifacts/packages/ParallelSum.*.snupkg
dotnet pack src/ParallelSum -c Release -nologo -v q
nupkg=artifacts/packages/ParallelSum.0.1.0.nupkg
[ -f "$nupkg" ] && [ -f artifacts/packages/ParallelSum.0.1.0.snupkg ] || { echo "pack did not produce $nupkg and its .snupkg" >&2; exit 1; }
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")
for f in lib/net8.0/ParallelSum.dll lib/net8.0/ParallelSum.xml lib/net10.0/ParallelSum.dll lib/net10.0/ParallelSum.xml README.md ParallelSum.nuspec; do
  grep -qx "$f" <<<"$listing" || { echo "package lacks $f" >&2; exit 1; }
done
python3 -c 'import sys, zipfile; n = zipfile.ZipFile(sys.argv[1]).read("ParallelSum.nuspec").decode(); sys.exit(0 if "<license type=\"expression\">MIT</license>" in n else "nuspec lacks the MIT licence expression")' "$nupkg"
# A private package folder, so the consumer can never pick up a stale copy of the same version from the user cache.
rm -rf artifacts/pkgcache
dotnet restore samples/CustomPartitioning --packages artifacts/pkgcache -v q
for tfm in net10.0 net8.0; do
  echo "== package consumer on $tfm"
  dotnet run -c Release --project samples/CustomPartitioning --no-restore -f "$tfm"
done
