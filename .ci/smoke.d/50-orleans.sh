# ParallelSum.Orleans as a package: pack it (with the core it depends on), check its contents, then build and run an outside
# consumer that hosts a silo and a client in one process from the packages alone and checks a sum against RandomStream.ReferenceSum.
# Both packages are packed with one local prerelease suffix, so the Orleans package depends on exactly the core just packed.
rm -f artifacts/packages/ParallelSum.*.nupkg artifacts/packages/ParallelSum.*.snupkg
suffix="local.$(date -u +%Y%m%d%H%M%S)"
version="$PARALLELSUM_VERSION_PREFIX-$suffix"
dotnet pack src/ParallelSum -c Release -nologo -v q -p:VersionSuffix="$suffix"
dotnet pack src/ParallelSum.Orleans -c Release -nologo -v q -p:VersionSuffix="$suffix"
nupkg=artifacts/packages/ParallelSum.Orleans.$version.nupkg
[ -f "$nupkg" ] && [ -f "artifacts/packages/ParallelSum.Orleans.$version.snupkg" ] || { echo "pack did not produce $nupkg and its .snupkg" >&2; exit 1; }
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")
for f in lib/net10.0/ParallelSum.Orleans.dll lib/net10.0/ParallelSum.Orleans.xml README.md icon.png ParallelSum.Orleans.nuspec; do
  grep -qx "$f" <<<"$listing" || { echo "package lacks $f" >&2; exit 1; }
done
python3 .ci/packed-xml-docs.py "$nupkg" src/ParallelSum.Orleans
python3 - "$nupkg" "$version" <<'PY'
import sys, zipfile
n = zipfile.ZipFile(sys.argv[1]).read("ParallelSum.Orleans.nuspec").decode()
for needed in ('<license type="expression">MIT</license>', '<readme>README.md</readme>', '<icon>icon.png</icon>', '<projectUrl>',
               f'<dependency id="ParallelSum" version="{sys.argv[2]}"', '<repository '):
    if needed not in n:
        sys.exit("nuspec lacks " + needed)
PY

# The consumer is written here, outside every project of the repository, and restored into a private package folder so
# it can never pick up a stale copy of the same version from the user cache.
consumer=artifacts/orleans-consumer
rm -rf "$consumer" artifacts/pkgcache-orleans
mkdir -p "$consumer"
cat > "$consumer/OrleansConsumer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <IsPackable>false</IsPackable>
    <ParallelSumPackageVersion>VERSION</ParallelSumPackageVersion>
    <ParallelSumOrleansPackageVersion>VERSION</ParallelSumOrleansPackageVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ParallelSum.Orleans" />
    <PackageReference Include="Microsoft.Orleans.Server" />
    <PackageReference Include="Microsoft.Orleans.Client" />
    <PackageReference Include="Microsoft.Extensions.Hosting" />
  </ItemGroup>
</Project>
XML
sed -i "s/VERSION/$version/g" "$consumer/OrleansConsumer.csproj"
cat > "$consumer/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParallelSum;
using ParallelSum.Orleans;

// A silo and a client in one process, each set up with its AddParallelSum, as a user of the two packages would.
HostApplicationBuilder siloBuilder = Host.CreateApplicationBuilder();
siloBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
siloBuilder.UseOrleans(silo => silo.UseLocalhostClustering(21111, 31000).AddParallelSum(o => o.MaxConcurrentRanges = 2));
using IHost silo = siloBuilder.Build();
await silo.StartAsync();

HostApplicationBuilder clientBuilder = Host.CreateApplicationBuilder();
clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(31000).AddParallelSum(o => o.RangesPerSlot = 8));
using IHost client = clientBuilder.Build();
await client.StartAsync();

var request = new GenerateAndSumRequest(50_000_000, 42);
GenerateAndSumResult result = await client.Services.GetRequiredService<DistributedStrategy>().GenerateAndSumAsync(request);
Int128 expected = request.Stream.ReferenceSum(0, request.Count);
Console.WriteLine($"distributed sum {result.Sum} over {result.RangeCount} ranges on {result.WorkerCount} silo(s); RandomStream.ReferenceSum {expected}");
await client.StopAsync();
await silo.StopAsync();
return result.Sum == expected && result.RangeCount == 16 ? 0 : 1;
CS
dotnet restore "$consumer" --packages artifacts/pkgcache-orleans -v q
timeout 300 dotnet run -c Release --project "$consumer" --no-restore
