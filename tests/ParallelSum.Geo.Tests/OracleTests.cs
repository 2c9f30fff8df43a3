using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;
using ParallelSum.Geo.Verification;
using Xunit.Abstractions;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// The independent oracle: every file converted by ParallelSum.Geo is compared feature by feature with what GDAL's ogr2ogr
/// makes of the same shapefile (see <see cref="OgrComparer"/> for what counts as equal).
/// </summary>
public sealed class OracleTests(ITestOutputHelper output)
{
    [OgrFact]
    public void ThirdPartyCorpus_EveryFileConvertsAsOgr2OgrDoes()
    {
        string corpus = Corpus.Folder ?? throw new InvalidOperationException("CI=true but the shapefile corpus is missing: .ci/install.d/30-geo-corpus.sh did not fetch it.");
        var all = new List<(string Folder, FileResult Converted, VerifyResult Compared)>();
        foreach (string folder in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            all.AddRange(ConvertAndCompare(folder, keepCrs: false));
            all.AddRange(ConvertAndCompare(folder, keepCrs: true));
        }

        Report(all);
        Assert.True(all.Count >= 30, $"only {all.Count / 2} third-party shapefiles in {corpus}");
        Assert.All(all, r => Assert.True(r.Compared.Ok, $"{r.Folder}/{r.Converted.Name}: {r.Converted.OutcomeText} {r.Converted.Reason}; {r.Compared.Problem}"));
    }

    [OgrFact]
    public void GeneratedSets_EveryFileConvertsAsOgr2OgrDoes()
    {
        using var folder = new TempFolder();
        ShapefileZoo.Write(folder.Sub("zoo"));
        DatasetGenerator.Generate(new DatasetOptions(Files: 3, Seed: 11, MinFeatures: 20, MaxFeatures: 200, Skew: 1.5), folder.Sub("parcels"));

        var all = ConvertAndCompare(folder.Sub("zoo"), keepCrs: false).Concat(ConvertAndCompare(folder.Sub("parcels"), keepCrs: false)).ToList();

        Report(all);
        Assert.Equal(23, all.Count);
        Assert.All(all, r => Assert.True(r.Compared.Ok, $"{r.Converted.Name}: {r.Converted.OutcomeText} {r.Converted.Reason}; {r.Compared.Problem}"));
    }

    [OgrFact]
    public void ProjectedFixtures_LandWhereOgr2OgrRfc7946PutsThem_AndKeepCrsNamesTheirSystem()
    {
        using var folder = new TempFolder();
        IReadOnlyList<(string Name, int Epsg)> made = ProjectedFixtures.Write(folder.Sub("projected"));

        var all = ConvertAndCompare(folder.Sub("projected"), keepCrs: false).Concat(ConvertAndCompare(folder.Sub("projected"), keepCrs: true)).ToList();

        Report(all);
        Assert.Equal(4 * made.Count, all.Count); // polygons and lines of each, in both modes
        Assert.All(all, r => Assert.True(r.Compared.Ok, $"{r.Folder}/{r.Converted.Name}: {r.Converted.OutcomeText} {r.Converted.Reason}; {r.Compared.Problem}"));

        // Points of OSGB36 outside every area of use of its EPSG shifts are not shifted, as GDAL does, and the file says so.
        FileResult british = all.First(r => r.Converted.Name == "osgb36_bng_27700.shp").Converted;
        Assert.Contains(british.Warnings ?? [], w => w.StartsWith("66 points lie outside the area of use of every EPSG shift from OSGB36 to WGS 84", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Folder, FileResult Converted, VerifyResult Compared)> ConvertAndCompare(string folder, bool keepCrs)
    {
        using var converted = new TempFolder();
        IReadOnlyList<string> files = ShapefileFiles.Find(folder);
        Assert.True(ConversionPlan.TryParse("threads-dynamic:2", 2, out ConversionPlan plan));
        ConversionReport report = ConversionRunner.Run(files, converted.Path, overwrite: false, plan, keepCrs: keepCrs);
        VerifyResult[] compared = VerifyRunner.RunAgainstOgr2Ogr(files, converted.Path, workers: 2, encoding: null, keepCrs);
        string label = Path.GetFileName(folder) + (keepCrs ? " (--keep-crs)" : "");
        return [.. report.Files.Zip(compared, (c, v) => (label, c, v))];
    }

    private void Report(IEnumerable<(string Folder, FileResult Converted, VerifyResult Compared)> results)
    {
        foreach ((string folder, FileResult converted, VerifyResult compared) in results)
        {
            string warnings = converted.Warnings is { } w ? $" (warnings: {string.Join("; ", w)})" : "";
            string within = compared.MaxMetres is double m ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (points within {m * 1000:0.####} mm)") : "";
            output.WriteLine($"{folder}/{converted.Name}: {converted.OutcomeText}, {converted.Features} features; against ogr2ogr: {(compared.Ok ? "equal" + within : compared.Problem)}{warnings}");
        }
    }
}
