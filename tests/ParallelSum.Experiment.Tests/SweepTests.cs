using System.Globalization;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

public sealed class SweepTests
{
    [Fact]
    public async Task Sweep_UnderSmallCap_RecordsTheMemoryErrorAndGoesOn()
    {
        using var folder = new TempFolder();
        var settings = new SweepSettings(
            ["naive-list", "streaming"], [100_000_000, 200_000_000], [], [null], 1, 42, 0, 10, 64L << 20, TimeSpan.FromSeconds(60), folder.Path, Plot: true);

        int exitCode = await SweepCommand.ExecuteAsync(settings, CancellationToken.None);

        Assert.Equal(0, exitCode);
        string file = Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.jsonl"));
        IReadOnlyList<TrialResult> results = ResultsFile.Read(file, out int skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(TrialResult.IdleKind, results[0].Kind);
        TrialResult[] trials = [.. results.Skip(1)];

        // naive-list fails at 1e8 and is not asked for 2e8; streaming runs both, in 35 MB whatever the count.
        Assert.Equal(
            [("naive-list", 100_000_000L, TrialOutcome.MemoryError), ("streaming", 100_000_000L, TrialOutcome.Ok), ("streaming", 200_000_000L, TrialOutcome.Ok)],
            trials.Select(t => (t.Strategy!, t.Count, t.Outcome)));
        var stream = new RandomStream(42);
        Assert.Equal(
            [stream.ReferenceSum(0, 100_000_000).ToString(CultureInfo.InvariantCulture), stream.ReferenceSum(0, 200_000_000).ToString(CultureInfo.InvariantCulture)],
            trials.Skip(1).Select(t => t.Sum));
        Assert.All(ChartSet.Names, name => AssertImages(folder.Path, name));
    }

    [Fact]
    public void Plot_FilesFromTwoMachines_NamesTheSourcesAndWritesEveryChart()
    {
        using var folder = new TempFolder();
        string a = folder.File("a.jsonl"), b = folder.File("b.jsonl");
        foreach ((string file, string host) in new[] { (a, "laptop"), (b, "server") })
        {
            foreach (long count in new[] { 1_000L, 1_000_000L })
            {
                ResultsFile.Append(file, new TrialResult
                {
                    Sweep = "s", Host = host, Cores = 2, Strategy = "streaming", Count = count, Repetitions = 1,
                    Seconds = count * 1e-9, ValuesPerSecond = 1e9, PeakWorkingSetBytes = 35 << 20, Sum = "1",
                });
            }
        }

        ResultsFile.Append(b, new TrialResult { Sweep = "s", Host = "server", Cores = 2, Strategy = "naive-list", Count = 1_000, Outcome = TrialOutcome.MemoryError, Seconds = 0.1, PeakWorkingSetBytes = 1 << 26 });
        File.AppendAllText(b, "{\"schema\":\"parallelsum.sweep/1\",\"ki");

        Assert.Equal(0, PlotCommand.Execute([a, b], folder.File("charts")));

        Assert.All(ChartSet.Names, name => AssertImages(folder.File("charts"), name));
        string svg = File.ReadAllText(Path.Combine(folder.File("charts"), "time-vs-count.svg"));
        Assert.Contains("streaming (laptop)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("2 cores", svg, StringComparison.Ordinal);
        Assert.Contains("memory error", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_FileWithNoTrials_FailsWithoutCharts()
    {
        using var folder = new TempFolder();
        string file = folder.File("idle.jsonl");
        ResultsFile.Append(file, new TrialResult { Kind = TrialResult.IdleKind, Sweep = "s", Host = "h" });

        Assert.Equal(1, PlotCommand.Execute([file], folder.Path));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.png"));
    }

    [Fact]
    public void SumDisagreements_FindsAStrategyThatDisagrees()
    {
        TrialResult Trial(string strategy, string sum) => new() { Sweep = "s", Host = "h", Strategy = strategy, Count = 10, Sum = sum };

        Assert.Empty(SweepTables.SumDisagreements([Trial("a", "5"), Trial("b", "5")]));
        Assert.Single(SweepTables.SumDisagreements([Trial("a", "5"), Trial("b", "6")]));
    }

    private static void AssertImages(string folder, string name)
    {
        byte[] png = File.ReadAllBytes(Path.Combine(folder, name + ".png"));
        Assert.True(png.Length > 10_000, $"{name}.png is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        string svg = File.ReadAllText(Path.Combine(folder, name + ".svg"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("count N", svg, StringComparison.Ordinal);
    }
}
