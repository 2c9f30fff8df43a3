using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

public sealed class OverwriteTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    [Theory]
    [InlineData("threads-dynamic:2")]
    [InlineData("processes-dynamic:2")]
    public void Convert_ExistingOutput_IsKeptUnlessOverwriteIsAsked(string label)
    {
        Assert.True(ConversionPlan.TryParse(label, 2, out ConversionPlan plan));
        using var output = new TempFolder();
        ConversionRunner.Run(data.Files, output.Path, overwrite: false, plan);
        string marked = GeoJson.OutputPath(data.Files[2], output.Path);
        File.WriteAllText(marked, "kept");

        ConversionReport again = ConversionRunner.Run(data.Files, output.Path, overwrite: false, plan);

        Assert.All(again.Files, f => Assert.Equal(FileOutcome.SkippedExists, f.Outcome));
        Assert.All(again.Files, f => Assert.Contains("exists (use --overwrite to replace it)", f.Reason, StringComparison.Ordinal));
        Assert.Equal(0, again.Failed);
        Assert.Equal("kept", File.ReadAllText(marked));

        ConversionReport overwritten = ConversionRunner.Run(data.Files, output.Path, overwrite: true, plan);

        Assert.All(overwritten.Files, f => Assert.Equal(FileOutcome.Ok, f.Outcome));
        Assert.StartsWith("{\"type\":\"FeatureCollection\"", File.ReadAllText(marked), StringComparison.Ordinal);
    }
}
