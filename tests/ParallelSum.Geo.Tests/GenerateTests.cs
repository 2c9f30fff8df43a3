using System.Security.Cryptography;
using ParallelSum.Geo.Data;
using ParallelSum.Geo.Verification;

namespace ParallelSum.Geo.Tests;

public sealed class GenerateTests
{
    private static readonly DatasetOptions Options = new(Files: 4, Seed: 11, MinFeatures: 10, MaxFeatures: 300, Skew: 2);

    [Fact]
    public void Generate_SameSeed_GivesByteIdenticalFiles()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        DatasetGenerator.Generate(Options, a.Path);
        DatasetGenerator.Generate(Options, b.Path);

        Assert.Equal(Hashes(a.Path), Hashes(b.Path));
        Assert.Equal(4 * 5, Directory.GetFiles(a.Path).Length); // .shp .shx .dbf .prj .cpg
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherData()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        DatasetGenerator.Generate(Options, a.Path);
        DatasetGenerator.Generate(Options with { Seed = 12 }, b.Path);

        Assert.NotEqual(Hashes(a.Path)["parcels_000.shp"], Hashes(b.Path)["parcels_000.shp"]);
    }

    [Fact]
    public void Generate_WritesTheAnnouncedFeatureCounts_OfUnevenSize()
    {
        using var folder = new TempFolder();
        var options = Options with { Files = 12 };

        IReadOnlyList<string> paths = DatasetGenerator.Generate(options, folder.Path);

        int[] counts = DatasetGenerator.FeatureCounts(options);
        Assert.Equal(counts, paths.Select(p => GeoJsonVerifier.ReadShapefile(p).Count));
        Assert.All(counts, c => Assert.InRange(c, options.MinFeatures, options.MaxFeatures));
        Assert.True(counts.Max() >= 4 * counts.Min(), $"sizes should be uneven: {string.Join(", ", counts)}");
    }

    [Fact]
    public void Generate_PolygonsAreValid_AndCarryEveryAttribute()
    {
        using var folder = new TempFolder();

        string path = DatasetGenerator.Generate(Options with { Files = 1 }, folder.Path)[0];

        var features = GeoJsonVerifier.ReadShapefile(path);
        Assert.All(features, f => Assert.True(f.Geometry.IsValid));
        Assert.Equal(["Id", "Tile", "Address", "LandUse", "AreaM2", "Residents", "Protected"], features[0].Attributes.GetNames());
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(folder).ToDictionary(p => Path.GetFileName(p), p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));
}
