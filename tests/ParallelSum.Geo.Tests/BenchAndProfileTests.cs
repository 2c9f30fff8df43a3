using System.Text.Json;
using ParallelSum.Geo.Bench;
using ParallelSum.Geo.Cli;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>The speed tools: the per-stage profile and cold command-line bench runs (with ogr2ogr as the anchor).</summary>
public sealed class BenchAndProfileTests(SmallDataSet data) : IClassFixture<SmallDataSet>, IDisposable
{
    // Each command below converts a few hundred polygons a few times and starts a handful of processes.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Profile_TimesEveryStage_AndSavesTheTable()
    {
        string out_ = _folder.Sub("profile");

        int exit = await Run(["profile", "--in", data.Folder, "--repetitions", "1", "--out", out_, "--work", _folder.Sub("work")]);

        Assert.Equal(0, exit);
        StageProfile profile = JsonSerializer.Deserialize<StageProfile>(await File.ReadAllTextAsync(Path.Combine(out_, "stages.json")))!;
        string[] expected = ["read files", "parse records", "group rings", "attributes to JSON", "format numbers", "geometry to JSON", "features to JSON", "write files", "whole conversion", "process start-up", "cold command line"];
        Assert.Equal(expected, profile.Stages.Select(s => s.Stage));
        Assert.Equal(SmallDataSet.TotalFeatures, profile.Features);
        Assert.Equal(data.Files.Sum(ShapefileFiles.InputBytes), profile.InputBytes);
        Assert.All(profile.Stages, s => Assert.True(s.Seconds > 0 && double.IsFinite(s.InputMegabytesPerSecond), s.Stage));
        string table = await File.ReadAllTextAsync(Path.Combine(out_, "stages.md"));
        Assert.All(expected, stage => Assert.Contains($"| {stage} |", table, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchCold_RunsEachModeAsAFreshProcess_AgainstTheFirstMode()
    {
        string out_ = _folder.Sub("bench");

        int exit = await Run(["bench", "--cold", "--counts", "1,2", "--repetitions", "1", "--modes", "single,threads-dynamic:2", "--min-features", "20", "--max-features", "60", "--out", out_, "--work", _folder.Sub("work")]);

        Assert.Equal(0, exit);
        BenchReport report = JsonSerializer.Deserialize<BenchReport>(await File.ReadAllTextAsync(Path.Combine(out_, "results.json")))!;
        Assert.Equal("single cold", report.Baseline);
        Assert.Equal(["single cold", "threads-dynamic(2) cold"], report.Results.Select(r => r.Mode).Distinct());
        Assert.All(report.Results.Where(r => r.Mode == "single cold"), r => Assert.Equal(1.0, r.Speedup));
        Assert.Contains("speedup against single cold", await File.ReadAllTextAsync(Path.Combine(out_, "results.md")), StringComparison.Ordinal);
    }

    [OgrFact]
    public async Task BenchColdWithOgr2Ogr_TimesOgr2OgrFileByFileAndUnderXargs_AsTheBaseline()
    {
        string out_ = _folder.Sub("bench");
        string work = _folder.Sub("work");

        int exit = await Run(["bench", "--cold", "--ogr2ogr", "2", "--counts", "2", "--repetitions", "1", "--modes", "single", "--min-features", "20", "--max-features", "60", "--out", out_, "--work", work]);

        Assert.Equal(0, exit);
        BenchReport report = JsonSerializer.Deserialize<BenchReport>(await File.ReadAllTextAsync(Path.Combine(out_, "results.json")))!;
        Assert.Equal(ColdBench.Ogr2OgrLabel, report.Baseline);
        Assert.Equal([ColdBench.Ogr2OgrLabel, "ogr2ogr xargs -P 2", "single cold"], report.Results.Select(r => r.Mode));

        // The last run (single) left its outputs; ogr2ogr's were checked by its exit code, and both wrote one file per input.
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(work, "out"), "*.geojson").Count());
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<int> Run(string[] args)
    {
        using var error = new StringWriter();
        int exit = await Task.Run(() => GeoCli.InvokeAsync(args, error)).WaitAsync(Deadline);
        Assert.True(exit == 0, error.ToString());
        return exit;
    }
}
