using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Verification;

namespace ParallelSum.Geo.Tests;

public sealed class RoundTripTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    public static TheoryData<string> Plans => ["single", "threads-static:2", "threads-dynamic:2", "threads-dynamic:3", "processes-static:2", "processes-dynamic:2"];

    [Theory]
    [MemberData(nameof(Plans))]
    public void Convert_ThenVerify_EveryFeatureComesBackEqual(string label)
    {
        Assert.True(ConversionPlan.TryParse(label, 2, out ConversionPlan plan));
        using var output = new TempFolder();

        ConversionReport report = ConversionRunner.Run(data.Files, output.Path, overwrite: false, plan);

        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Ok, f.Outcome));
        Assert.Equal(data.Files.Select(Path.GetFileName), report.Files.Select(f => f.Name));
        Assert.Equal(SmallDataSet.TotalFeatures, report.Files.Sum(f => f.Features));
        Assert.All(report.Files, f => Assert.InRange(f.Worker, 0, plan.Workers - 1));
        Assert.All(VerifyRunner.Run(data.Files, output.Path, workers: 2), v => Assert.True(v.Ok, $"{v.Name}: {v.Problem}"));
        Assert.Equal(data.Files.Count, Directory.GetFiles(output.Path).Length); // only the .geojson files: no temporary left
    }

    [Fact]
    public void Verify_DetectsAChangedAttribute() => AssertTamperingIsFound(
        text => text.IndexOf("\"LandUse\":\"", StringComparison.Ordinal) + "\"LandUse\":\"".Length,
        "X",
        "feature 0: attribute LandUse");

    // The second vertex of the first shell (the first is also the last: changing it would open the ring); 6.57… becomes 16.57….
    [Fact]
    public void Verify_DetectsAMovedCoordinate() => AssertTamperingIsFound(
        text => text.IndexOf("],[", text.IndexOf("\"coordinates\":[[[", StringComparison.Ordinal), StringComparison.Ordinal) + "],[".Length,
        "1",
        "feature 0: polygon 0 shell differs");

    [Fact]
    public void SameValue_ComparesGeoJsonDecimalsWithShapefileNumbersByValue()
    {
        Assert.True(GeoJsonVerifier.SameValue(0.1, 0.1m));
        Assert.True(GeoJsonVerifier.SameValue(123456.789012, 123456.789012m));
        Assert.True(GeoJsonVerifier.SameValue(2469135780246L, 2469135780246m));
        Assert.True(GeoJsonVerifier.SameValue(7, 7m));
        Assert.False(GeoJsonVerifier.SameValue(7, 7.5m));
        Assert.False(GeoJsonVerifier.SameValue(0.1, 0.10000000000000002m));
        Assert.False(GeoJsonVerifier.SameValue("7", 7m));
        Assert.True(GeoJsonVerifier.SameValue(null, null));
        Assert.False(GeoJsonVerifier.SameValue(null, 0m));
    }

    // Converts, inserts `insert` into the first output at the position `find` returns, and expects verify to name the change.
    private void AssertTamperingIsFound(Func<string, int> find, string insert, string problem)
    {
        using var output = new TempFolder();
        ConversionRunner.Run(data.Files, output.Path, overwrite: false, ConversionPlan.Single);
        string geojson = GeoJson.OutputPath(data.Files[0], output.Path);
        string text = File.ReadAllText(geojson);
        int at = find(text);
        File.WriteAllText(geojson, text[..at] + insert + text[at..]);

        VerifyResult result = GeoJsonVerifier.Verify(data.Files[0], output.Path);

        Assert.False(result.Ok);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }
}
