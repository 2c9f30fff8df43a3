using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// A folder of good shapefiles plus one of each kind of bad input: every bad file is reported by name with its reason, every
/// good one still converts, and no partial output is left behind.
/// </summary>
public sealed class BadInputTests : IClassFixture<SmallDataSet>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _in;

    public BadInputTests(SmallDataSet data)
    {
        _in = _folder.Sub("in");
        data.CopyTo(_in);
        string good = Path.Combine(_in, "parcels_000");

        // Random bytes where the .shp should be (header and all), with a sound .shx and .dbf beside it.
        var random = new Random(1);
        byte[] junk = new byte[(int)new FileInfo(good + ".shp").Length];
        random.NextBytes(junk);
        Copy(good, "bad_corrupt", ".shx", ".dbf");
        File.WriteAllBytes(Path.Combine(_in, "bad_corrupt.shp"), junk);

        // A sound header, but garbage inside the first record (part and point counts of 0xFF…).
        byte[] shp = File.ReadAllBytes(good + ".shp");
        Array.Fill(shp, (byte)0xFF, 100 + 8 + 4, 40);
        Copy(good, "bad_record", ".shx", ".dbf");
        File.WriteAllBytes(Path.Combine(_in, "bad_record.shp"), shp);

        // Cut in half, as by an interrupted copy.
        byte[] whole = File.ReadAllBytes(good + ".shp");
        Copy(good, "bad_truncated", ".shx", ".dbf");
        File.WriteAllBytes(Path.Combine(_in, "bad_truncated.shp"), whole[..(whole.Length / 2)]);

        Copy(good, "bad_nodbf", ".shp", ".shx");
        Copy(good, "bad_noshx", ".shp", ".dbf");
    }

    public static TheoryData<string> Plans => ["single", "threads-dynamic:2", "processes-static:2"];

    [Theory]
    [MemberData(nameof(Plans))]
    public void Convert_BadFiles_AreReportedByNameWithReason_AndTheRestConvert(string label)
    {
        Assert.True(ConversionPlan.TryParse(label, 2, out ConversionPlan plan));
        using var output = new TempFolder();

        ConversionReport report = ConversionRunner.Run(ShapefileFiles.Find(_in), output.Path, overwrite: false, plan);

        Dictionary<string, FileResult> byName = report.Files.ToDictionary(f => f.Name);
        Assert.Equal(11, byName.Count);
        AssertError(byName["bad_corrupt.shp"], "corrupt .shp: file code");
        AssertError(byName["bad_record.shp"], "record 1: negative counts: -1 parts, -1 points");
        AssertError(byName["bad_truncated.shp"], "truncated .shp: the header declares");
        AssertError(byName["bad_noshx.shp"], "missing its .shx index (bad_noshx.shx)");
        Assert.All(report.Files.Where(f => f.Name.StartsWith("parcels_", StringComparison.Ordinal)), f => Assert.Equal(FileOutcome.Ok, f.Outcome));
        Assert.Equal(4, report.Failed);
        Assert.Equal(7, report.Converted);

        // A missing .dbf is no failure: the geometry converts, with empty properties and a warning (as GDAL converts it).
        FileResult noDbf = byName["bad_nodbf.shp"];
        Assert.Equal(FileOutcome.Ok, noDbf.Outcome);
        Assert.Equal(["no .dbf attribute table (bad_nodbf.dbf): converted with empty properties, as GDAL does"], noDbf.Warnings);
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output.Path, "bad_nodbf.geojson"))))
        {
            Assert.All(document.RootElement.GetProperty("features").EnumerateArray(), f => Assert.Empty(f.GetProperty("properties").EnumerateObject()));
        }

        // Only the seven good outputs exist: no partial GeoJSON and no temporary file of a failed one.
        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"parcels_00{i}.geojson").Prepend("bad_nodbf.geojson"),
            Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convert_MissingBoth_SaysSo()
    {
        using var input = new TempFolder();
        File.Copy(Path.Combine(_in, "parcels_001.shp"), input.Sub("lonely.shp"));

        ConversionReport report = ConversionRunner.Run(ShapefileFiles.Find(input.Path), input.Sub("out"), overwrite: false, ConversionPlan.Single);

        AssertError(report.Files.Single(), "missing its .shx index (lonely.shx)");
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertError(FileResult result, string reason)
    {
        Assert.Equal(FileOutcome.Error, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.BytesOut);
    }

    private void Copy(string from, string toName, params string[] extensions)
    {
        foreach (string extension in extensions)
        {
            File.Copy(from + extension, Path.Combine(_in, toName + extension));
        }
    }
}
